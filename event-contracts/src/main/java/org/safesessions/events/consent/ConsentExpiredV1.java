package org.safesessions.events.consent;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A consent reached its expiry. */
public record ConsentExpiredV1(
        UUID consentId,
        UUID youngPersonId,
        String organisation,
        ConsentScope scope,
        OffsetDateTime expiredAt) implements EventPayload {
}
