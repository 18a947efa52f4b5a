package org.safesessions.notification.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One message to queue: which event and template, for whom on which channel, when it is due. Parameters are ids,
 * codes and times only (as JSON); contact details are looked up when it is sent.
 */
public record MessageRequest(String organisation, String eventId, String templateKey, Delivery.RecipientKind kind,
                             UUID recipientId, String staffUserName, UUID youngPersonId, UUID sessionId,
                             Channel channel, boolean urgent, OffsetDateTime dueAt, String params) {
}
