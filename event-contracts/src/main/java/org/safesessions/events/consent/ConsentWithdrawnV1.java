package org.safesessions.events.consent;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A consent was withdrawn. The reason stays in consent-service: it is free text. */
public record ConsentWithdrawnV1(
        UUID consentId,
        UUID youngPersonId,
        String organisation,
        ConsentScope scope,
        OffsetDateTime withdrawnAt) implements EventPayload {
}
