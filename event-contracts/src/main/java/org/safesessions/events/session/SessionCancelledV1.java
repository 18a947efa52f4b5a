package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A session was cancelled before it ran; its invitees and facilitators are told. */
public record SessionCancelledV1(
        UUID sessionId,
        String organisation,
        OffsetDateTime startsAt,
        OffsetDateTime cancelledAt,
        List<String> facilitators,
        List<UUID> invitees) implements EventPayload {
}
