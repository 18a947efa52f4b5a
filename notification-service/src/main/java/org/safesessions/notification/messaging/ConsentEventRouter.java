package org.safesessions.notification.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.kit.inbox.EventHandlers;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.notification.application.Notify;
import org.safesessions.notification.domain.MessageTemplate;

import java.util.List;
import java.util.Map;

/** Which consent events tell whom what. Queues deliveries in the same transaction as the processed-event record. */
@ApplicationScoped
public class ConsentEventRouter {

    static final String CONSUMER = "notification-service.consent-routing";

    @Inject
    Inbox inbox;

    @Inject
    Notify notify;

    /** One handler per consent event this service tells someone about; other types are not its business. */
    private final EventHandlers handlers = EventHandlers.builder()
            .onEvent(EventType.CONSENT_GRANTED, this::consentGranted)
            .onEvent(EventType.CONSENT_WITHDRAWN, this::consentWithdrawn)
            .onEvent(EventType.CONSENT_EXPIRING, this::consentExpiring)
            .build();

    /** Known to the inbox from the start, so ops can replay a parked event before any new one arrives. */
    void registerForReplay(@Observes StartupEvent started) {
        inbox.register(CONSUMER, handlers);
    }

    @Incoming("consent-events")
    @Blocking
    public void onConsentEvents(List<String> records) {
        inbox.processAll(CONSUMER, records, handlers); // what one poll brought: one transaction (batch=true)
    }

    /** The guardian who gave consent gets a confirmation of what they agreed to and until when. */
    private void consentGranted(CloudEvent event, ConsentGrantedV1 granted) {
        if (granted.givenBy() != ConsentGiver.GUARDIAN || granted.guardianId() == null) {
            return;
        }
        notify.guardian(event, granted.organisation(), MessageTemplate.CONSENT_CONFIRMATION, granted.guardianId(),
                granted.youngPersonId(), Map.of(
                        "scope", granted.scope().name(),
                        "platforms", granted.platforms().stream().map(Enum::name).sorted().toList(),
                        "givenAt", granted.givenAt().toString(),
                        "expiresAt", granted.expiresAt().toString()));
    }

    /** Guardians get a confirmation that consent was withdrawn and what it means for bookings. */
    private void consentWithdrawn(CloudEvent event, ConsentWithdrawnV1 withdrawn) {
        notify.family(event, withdrawn.organisation(), MessageTemplate.CONSENT_WITHDRAWN, withdrawn.youngPersonId(), null,
                Map.of("scope", withdrawn.scope().name(), "withdrawnAt", withdrawn.withdrawnAt().toString()), null);
    }

    /** Guardians are reminded before a consent ends, so they can renew it. */
    private void consentExpiring(CloudEvent event, ConsentExpiringV1 expiring) {
        notify.family(event, expiring.organisation(), MessageTemplate.CONSENT_EXPIRING, expiring.youngPersonId(), null,
                Map.of("scope", expiring.scope().name(), "expiresAt", expiring.expiresAt().toString()), null);
    }
}
