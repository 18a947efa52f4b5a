package org.safesessions.notification.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.notification.delivery.Channel;
import org.safesessions.notification.delivery.Delivery.RecipientKind;
import org.safesessions.notification.delivery.DeliveryQueue;
import org.safesessions.notification.delivery.MessageRequest;
import org.safesessions.notification.staff.StaffDirectory;
import org.safesessions.notification.staff.StaffRole;
import org.safesessions.notification.templates.MessageTemplate;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Queues messages for an event, inside the inbox transaction that records it processed. Families are addressed
 * when the message is due (their contacts come from consent-service then); staff are addressed by user name, on
 * email and the in-app feed, and by SMS as well when the message is urgent.
 */
@ApplicationScoped
public class Notify {

    private static final Logger LOG = Logger.getLogger(Notify.class);

    @Inject
    DeliveryQueue queue;

    @Inject
    StaffDirectory directory;

    /** A message for a young person's family (guardians; the young person too if the template is for them). */
    public void family(CloudEvent event, String organisation, MessageTemplate template, UUID youngPersonId,
                       UUID sessionId, Map<String, ?> params, OffsetDateTime dueAt) {
        queue.queue(new MessageRequest(organisation, event.id(), template.key(), RecipientKind.FAMILY, youngPersonId,
                null, youngPersonId, sessionId, Channel.PREFERRED, false, dueAt, EventJson.write(params)));
    }

    /** A message for one known guardian, by email. */
    public void guardian(CloudEvent event, String organisation, MessageTemplate template, UUID guardianId,
                         UUID youngPersonId, Map<String, ?> params) {
        queue.queue(new MessageRequest(organisation, event.id(), template.key(), RecipientKind.GUARDIAN, guardianId,
                null, youngPersonId, null, Channel.EMAIL, false, null, EventJson.write(params)));
    }

    /** A message for the named staff members (user names, as events carry them). */
    public void staff(CloudEvent event, String organisation, MessageTemplate template, Collection<String> userNames,
                      UUID sessionId, Map<String, ?> params, boolean urgent) {
        String json = EventJson.write(params);
        List<Channel> channels = urgent ? List.of(Channel.IN_APP, Channel.EMAIL, Channel.SMS) : List.of(Channel.IN_APP, Channel.EMAIL);
        for (String userName : new LinkedHashSet<>(userNames)) {
            UUID recipientId = StaffDirectory.recipientId(organisation, userName);
            for (Channel channel : channels) {
                queue.queue(new MessageRequest(organisation, event.id(), template.key(), RecipientKind.STAFF, recipientId,
                        userName, null, sessionId, channel, urgent, null, json));
            }
        }
    }

    /** A message for every staff member of the organisation holding one of {@code roles}, from the staff directory. */
    public void staffWithRoles(CloudEvent event, String organisation, MessageTemplate template, Set<StaffRole> roles,
                               UUID sessionId, Map<String, ?> params, boolean urgent) {
        Set<String> userNames = new LinkedHashSet<>();
        roles.forEach(role -> userNames.addAll(directory.userNamesWithRole(organisation, role)));
        if (userNames.isEmpty()) {
            LOG.logf(urgent ? Logger.Level.ERROR : Logger.Level.WARN, "%s for event %s: the staff directory of %s has nobody with roles %s", template.key(), event.id(),
                    organisation, roles);
        }
        staff(event, organisation, template, userNames, sessionId, params, urgent);
    }
}
