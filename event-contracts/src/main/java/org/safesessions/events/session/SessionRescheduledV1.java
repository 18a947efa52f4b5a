package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A session's time, or its facilitators, changed. Carries the new state and the previous start. */
public record SessionRescheduledV1(
        UUID sessionId,
        String organisation,
        OffsetDateTime previousStartsAt,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        List<String> facilitators,
        List<UUID> invitees) implements EventPayload {
}
