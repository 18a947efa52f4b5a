package org.safesessions.events.consent;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A young person was registered. No name, no date of birth, no contact details: ids and codes only. */
public record YoungPersonRegisteredV1(
        UUID youngPersonId,
        String organisation,
        String localAuthorityCode,
        OffsetDateTime registeredAt) implements EventPayload {
}
