package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Someone who is neither an invited registrant nor a facilitator is in a session's waiting room: the facilitators
 * are alerted at once, before anyone admits them. The display name and email they gave are free text and stay in
 * session-service (the session's participants view shows them); {@code participantRef} is Zoom's participant id.
 */
public record UnknownParticipantWaitingV1(
        UUID sessionId,
        String organisation,
        String participantRef,
        OffsetDateTime waitingSince,
        List<String> facilitators,
        List<String> facilitatorIds) implements EventPayload {
}
