package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A session ended, at its time or early (then {@link SessionTerminatedEarlyV1} says why). */
public record SessionEndedV1(
        UUID sessionId,
        String organisation,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt) implements EventPayload {
}
