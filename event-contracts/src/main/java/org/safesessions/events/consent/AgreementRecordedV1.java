package org.safesessions.events.consent;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A young person acknowledged a version of the online safety code of conduct. */
public record AgreementRecordedV1(
        UUID agreementId,
        UUID youngPersonId,
        String organisation,
        String agreementVersion,
        OffsetDateTime recordedAt) implements EventPayload {
}
