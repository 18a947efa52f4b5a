package org.safesessions.session.consent;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentExpiredV1;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.session.service.SessionBooking;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps {@link ProjectedConsent} in step with consent-service's events, once per event. A withdrawal or expiry also
 * takes the young person off every future session no remaining consent covers, in the same transaction.
 */
@ApplicationScoped
public class ConsentProjector {

    static final String CONSUMER = "session-service.consent-projection";

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    @Inject
    SessionBooking booking;

    @Incoming("consent-events")
    @Blocking
    public void onConsentEvent(String record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (EventType.CONSENT_GRANTED.type().equals(event.type())) {
            granted(event.payload(EventType.CONSENT_GRANTED));
        } else if (EventType.CONSENT_WITHDRAWN.type().equals(event.type())) {
            withdrawn(event.payload(EventType.CONSENT_WITHDRAWN));
        } else if (EventType.CONSENT_EXPIRED.type().equals(event.type())) {
            expired(event.payload(EventType.CONSENT_EXPIRED));
        }
        // other consent events do not change what session-service needs to know
    }

    private void granted(ConsentGrantedV1 granted) {
        ProjectedConsent consent = ProjectedConsent.findById(granted.consentId());
        if (consent == null) {
            consent = new ProjectedConsent();
            consent.consentId = granted.consentId();
        }
        consent.organisation = granted.organisation();
        consent.youngPersonId = granted.youngPersonId();
        consent.scope = granted.scope();
        consent.platforms = granted.platforms();
        consent.givenAt = granted.givenAt();
        consent.expiresAt = granted.expiresAt();
        consent.updatedAt = OffsetDateTime.now(clock);
        consent.persist();
    }

    private void withdrawn(ConsentWithdrawnV1 withdrawn) {
        ProjectedConsent consent = ProjectedConsent.findById(withdrawn.consentId());
        if (consent != null) {
            consent.withdrawnAt = withdrawn.withdrawnAt();
            consent.updatedAt = OffsetDateTime.now(clock);
        }
        booking.removeWhereConsentEnded(withdrawn.organisation(), withdrawn.youngPersonId(), RemovalReason.CONSENT_WITHDRAWN);
    }

    private void expired(ConsentExpiredV1 expired) {
        ProjectedConsent consent = ProjectedConsent.findById(expired.consentId());
        if (consent != null) {
            consent.expiredAt = expired.expiredAt();
            consent.updatedAt = OffsetDateTime.now(clock);
        }
        booking.removeWhereConsentEnded(expired.organisation(), expired.youngPersonId(), RemovalReason.CONSENT_EXPIRED);
    }
}
