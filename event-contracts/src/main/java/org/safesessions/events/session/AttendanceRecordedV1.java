package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A young person's attendance at a session. {@code leftAt} is null while they are still in the session;
 * {@code attended} false records a recorded absence.
 */
public record AttendanceRecordedV1(
        UUID sessionId,
        String organisation,
        UUID youngPersonId,
        boolean attended,
        OffsetDateTime joinedAt,
        OffsetDateTime leftAt,
        AttendanceSource source) implements EventPayload {
}
