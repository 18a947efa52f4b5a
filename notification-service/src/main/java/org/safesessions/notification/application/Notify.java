package org.safesessions.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery.RecipientKind;
import org.safesessions.notification.domain.DeliveryQueue;
import org.safesessions.notification.domain.MessageRequest;
import org.safesessions.notification.domain.MessageTemplate;
import org.safesessions.notification.domain.StaffAudience;
import org.safesessions.notification.domain.StaffRole;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Queues messages for an event, inside the inbox transaction that records it processed. Nobody is looked up here:
 * families are addressed when the message is due (their contacts come from consent-service then), and so are staff
 * (who they are comes from Keycloak then, through the kit's staff directory). A staff message is one STAFF_GROUP row
 * naming its audience, so an event is never held up, or lost, while Keycloak is away: the row waits and is retried,
 * and its delivery record says why.
 */
@ApplicationScoped
public class Notify {

    @Inject
    DeliveryQueue queue;

    /** A message for a young person's family (guardians; the young person too if the template is for them). */
    public void family(CloudEvent event, String organisation, MessageTemplate template, UUID youngPersonId,
                       UUID sessionId, Map<String, ?> params, OffsetDateTime dueAt) {
        queue.queue(MessageRequest.toFamily(organisation, event.id(), template.key(), RecipientKind.FAMILY,
                youngPersonId, youngPersonId, sessionId, Channel.PREFERRED, false, dueAt, EventJson.write(params)));
    }

    /** A message for one known guardian, by email. */
    public void guardian(CloudEvent event, String organisation, MessageTemplate template, UUID guardianId,
                         UUID youngPersonId, Map<String, ?> params) {
        queue.queue(MessageRequest.toFamily(organisation, event.id(), template.key(), RecipientKind.GUARDIAN,
                guardianId, youngPersonId, null, Channel.EMAIL, false, null, EventJson.write(params)));
    }

    /**
     * A message for a session's facilitators, by the Keycloak ids the event carries (by its user names only when it
     * carries no ids: an event from before they existed). See {@link StaffAudience#facilitators}.
     */
    public void facilitators(CloudEvent event, String organisation, MessageTemplate template, List<String> staffIds,
                             List<String> userNames, UUID sessionId, Map<String, ?> params, boolean urgent) {
        StaffAudience audience = StaffAudience.facilitators(staffIds, userNames);
        if (audience.staffIds().isEmpty() && audience.userNames().isEmpty()) {
            return;
        }
        audience(event, organisation, template, audience, sessionId, params, urgent);
    }

    /** A message for every member of staff of the organisation holding one of {@code roles}. */
    public void staffWithRoles(CloudEvent event, String organisation, MessageTemplate template, Set<StaffRole> roles,
                               UUID sessionId, Map<String, ?> params, boolean urgent) {
        audience(event, organisation, template, StaffAudience.withRoles(realmRoles(roles)), sessionId, params, urgent);
    }

    /** A message for whoever {@code audience} names when it is addressed. */
    public void audience(CloudEvent event, String organisation, MessageTemplate template, StaffAudience audience,
                         UUID sessionId, Map<String, ?> params, boolean urgent) {
        queue.queue(new MessageRequest(organisation, event.id(), template.key(), RecipientKind.STAFF_GROUP,
                audience.recipientId(), null, null, null, sessionId, Channel.PREFERRED, urgent, null,
                EventJson.write(params), audience.json(), false));
    }

    public static List<String> realmRoles(Set<StaffRole> roles) {
        return roles.stream().sorted().map(StaffRole::realmRole).toList();
    }
}
