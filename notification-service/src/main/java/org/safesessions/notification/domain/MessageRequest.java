package org.safesessions.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One message to queue: which event and template, for whom on which channel, when it is due. Parameters are ids,
 * codes and times only (as JSON); contact details are looked up when it is sent. Staff are named by Keycloak user id
 * ({@code staffUserId}, with the canonical user name beside it); a STAFF_GROUP row carries its {@code audience}
 * instead, addressed when due. {@code quiet}: the recipient keeps quiet hours for non-urgent messages.
 */
public record MessageRequest(String organisation, String eventId, String templateKey, Delivery.RecipientKind kind,
                             UUID recipientId, String staffUserId, String staffUserName, UUID youngPersonId,
                             UUID sessionId, Channel channel, boolean urgent, OffsetDateTime dueAt, String params,
                             String audience, boolean quiet) {

    /** A message to a family, a guardian or a young person. */
    public static MessageRequest toFamily(String organisation, String eventId, String templateKey,
                                          Delivery.RecipientKind kind, UUID recipientId, UUID youngPersonId,
                                          UUID sessionId, Channel channel, boolean urgent, OffsetDateTime dueAt,
                                          String params) {
        return new MessageRequest(organisation, eventId, templateKey, kind, recipientId, null, null, youngPersonId,
                sessionId, channel, urgent, dueAt, params, null, false);
    }
}
