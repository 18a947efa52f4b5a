package org.safesessions.events.consent;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A consent will expire soon: guardians are reminded. */
public record ConsentExpiringV1(
        UUID consentId,
        UUID youngPersonId,
        String organisation,
        ConsentScope scope,
        OffsetDateTime expiresAt) implements EventPayload {
}
