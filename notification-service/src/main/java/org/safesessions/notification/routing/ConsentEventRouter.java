package org.safesessions.notification.routing;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.notification.delivery.Channel;
import org.safesessions.notification.delivery.Delivery;
import org.safesessions.notification.delivery.DeliveryQueue;

import java.util.Map;

/** Which consent events tell whom what. Queues deliveries in the same transaction as the processed-event record. */
@ApplicationScoped
public class ConsentEventRouter {

    static final String CONSUMER = "notification-service.consent-routing";

    @Inject
    Inbox inbox;

    @Inject
    DeliveryQueue queue;

    @Incoming("consent-events")
    @Blocking
    public void onConsentEvent(String record) {
        inbox.process(CONSUMER, record, this::route);
    }

    void route(CloudEvent event) {
        if (EventType.CONSENT_GRANTED.type().equals(event.type())) {
            consentGranted(event, event.payload(EventType.CONSENT_GRANTED));
        }
    }

    /** The guardian who gave consent gets a confirmation of what they agreed to and until when. */
    private void consentGranted(CloudEvent event, ConsentGrantedV1 granted) {
        if (granted.givenBy() != ConsentGiver.GUARDIAN || granted.guardianId() == null) {
            return;
        }
        String params = EventJson.write(Map.of(
                "scope", granted.scope().name(),
                "platforms", granted.platforms().stream().map(Enum::name).sorted().toList(),
                "givenAt", granted.givenAt().toString(),
                "expiresAt", granted.expiresAt().toString()));
        queue.queue(granted.organisation(), event.id(), MessageTemplate.CONSENT_CONFIRMATION.key(),
                Delivery.RecipientKind.GUARDIAN, granted.guardianId(), granted.youngPersonId(), Channel.EMAIL, false, params);
    }
}
