package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A session started (its checklist was complete). */
public record SessionStartedV1(
        UUID sessionId,
        String organisation,
        OffsetDateTime startedAt) implements EventPayload {
}
