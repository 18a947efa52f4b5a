package org.safesessions.events;

import org.safesessions.events.consent.AgreementRecordedV1;
import org.safesessions.events.consent.ConsentExpiredV1;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.events.consent.YoungPersonRegisteredV1;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of events: CloudEvents type, topic and payload record. A new version of an event is a new
 * entry with a new record (…V2), never an edit of an existing one; {@code EventCompatibilityTest} fails the
 * build when a published payload changes in a way that would break its consumers.
 */
public record EventType<T extends EventPayload>(String type, Topic topic, Class<T> payloadClass) {

    public static final EventType<YoungPersonRegisteredV1> YOUNG_PERSON_REGISTERED =
            new EventType<>("safesessions.consent.young-person-registered.v1", Topic.CONSENT, YoungPersonRegisteredV1.class);
    public static final EventType<ConsentGrantedV1> CONSENT_GRANTED =
            new EventType<>("safesessions.consent.granted.v1", Topic.CONSENT, ConsentGrantedV1.class);
    public static final EventType<ConsentWithdrawnV1> CONSENT_WITHDRAWN =
            new EventType<>("safesessions.consent.withdrawn.v1", Topic.CONSENT, ConsentWithdrawnV1.class);
    public static final EventType<ConsentExpiringV1> CONSENT_EXPIRING =
            new EventType<>("safesessions.consent.expiring.v1", Topic.CONSENT, ConsentExpiringV1.class);
    public static final EventType<ConsentExpiredV1> CONSENT_EXPIRED =
            new EventType<>("safesessions.consent.expired.v1", Topic.CONSENT, ConsentExpiredV1.class);
    public static final EventType<AgreementRecordedV1> AGREEMENT_RECORDED =
            new EventType<>("safesessions.consent.agreement-recorded.v1", Topic.CONSENT, AgreementRecordedV1.class);

    public static final List<EventType<?>> ALL = List.of(
            YOUNG_PERSON_REGISTERED, CONSENT_GRANTED, CONSENT_WITHDRAWN, CONSENT_EXPIRING, CONSENT_EXPIRED,
            AGREEMENT_RECORDED);

    public static Optional<EventType<?>> of(String type) {
        return ALL.stream().filter(t -> t.type.equals(type)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> EventType<T> forPayload(Class<T> payloadClass) {
        return (EventType<T>) ALL.stream()
                .filter(t -> t.payloadClass.equals(payloadClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in the event catalogue: " + payloadClass.getName()));
    }
}
