package org.safesessions.events.safeguarding;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A DSL closed a concern (the reason is a chronology text and stays encrypted in safeguarding-service). */
public record ConcernClosedV1(
        UUID concernId,
        String organisation,
        String reference,
        OffsetDateTime closedAt) implements EventPayload {
}
