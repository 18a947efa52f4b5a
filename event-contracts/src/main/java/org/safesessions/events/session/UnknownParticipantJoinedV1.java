package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Someone who is neither a facilitator nor an invited registrant joined a session's meeting ("Zoom bombing").
 * The participant's display name and email are free text and stay in session-service; {@code participantRef}
 * is Zoom's participant id. Facilitators (staff user names) are alerted at once.
 */
public record UnknownParticipantJoinedV1(
        UUID sessionId,
        String organisation,
        String participantRef,
        OffsetDateTime joinedAt,
        List<String> facilitators) implements EventPayload {
}
