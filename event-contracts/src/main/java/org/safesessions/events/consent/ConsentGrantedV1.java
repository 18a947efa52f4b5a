package org.safesessions.events.consent;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A consent was recorded. {@code guardianId} is set when a guardian gave it. */
public record ConsentGrantedV1(
        UUID consentId,
        UUID youngPersonId,
        String organisation,
        ConsentScope scope,
        Set<Platform> platforms,
        ConsentGiver givenBy,
        UUID guardianId,
        OffsetDateTime givenAt,
        OffsetDateTime expiresAt) implements EventPayload {
}
