package org.safesessions.session.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentExpiredV1;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.kit.inbox.EventHandlers;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.kit.time.Time;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.session.domain.ProjectedConsent;

/**
 * Keeps {@link ProjectedConsent} in step with consent-service's events, once per event: one handler per event type;
 * other consent events do not change what session-service needs to know. A withdrawal or expiry also takes the
 * young person off every future session no remaining consent covers, in the same transaction.
 */
@ApplicationScoped
public class ConsentProjector {

    static final String CONSUMER = "session-service.consent-projection";

    @Inject
    Inbox inbox;

    @Inject
    Time time;

    @Inject
    SessionBooking booking;

    private final EventHandlers handlers = EventHandlers.builder()
            .on(EventType.CONSENT_GRANTED, this::granted)
            .on(EventType.CONSENT_WITHDRAWN, this::withdrawn)
            .on(EventType.CONSENT_EXPIRED, this::expired)
            .build();

    /** Known to the inbox from the start, so ops can replay a parked event before any new one arrives. */
    void registerForReplay(@Observes StartupEvent started) {
        inbox.register(CONSUMER, handlers);
    }

    @Incoming("consent-events")
    @Blocking
    public void onConsentEvent(String record) {
        inbox.process(CONSUMER, record, handlers);
    }

    private void granted(ConsentGrantedV1 granted) {
        ProjectedConsent.granted(granted.consentId(), granted.organisation(), granted.youngPersonId(), granted.scope(),
                granted.platforms(), granted.givenAt(), granted.expiresAt(), time.now());
    }

    private void withdrawn(ConsentWithdrawnV1 withdrawn) {
        ProjectedConsent consent = ProjectedConsent.findById(withdrawn.consentId());
        if (consent != null) {
            consent.withdrawn(withdrawn.withdrawnAt(), time.now());
        }
        booking.removeWhereConsentEnded(withdrawn.organisation(), withdrawn.youngPersonId(), RemovalReason.CONSENT_WITHDRAWN);
    }

    private void expired(ConsentExpiredV1 expired) {
        ProjectedConsent consent = ProjectedConsent.findById(expired.consentId());
        if (consent != null) {
            consent.expired(expired.expiredAt(), time.now());
        }
        booking.removeWhereConsentEnded(expired.organisation(), expired.youngPersonId(), RemovalReason.CONSENT_EXPIRED);
    }
}
