package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Someone who is neither a facilitator nor an invited registrant joined a session's meeting ("Zoom bombing").
 * The participant's display name and email are free text and stay in session-service; {@code participantRef}
 * is Zoom's participant id. The facilitators are alerted at once: {@code facilitatorIds} are their Keycloak user ids
 * (added compatibly), {@code facilitators} still their canonical user names.
 */
public record UnknownParticipantJoinedV1(
        UUID sessionId,
        String organisation,
        String participantRef,
        OffsetDateTime joinedAt,
        List<String> facilitators,
        List<String> facilitatorIds) implements EventPayload {

    /** The shape before {@code facilitatorIds}, as older producers (and tests) build it. */
    public UnknownParticipantJoinedV1(UUID sessionId, String organisation, String participantRef,
                                      OffsetDateTime joinedAt, List<String> facilitators) {
        this(sessionId, organisation, participantRef, joinedAt, facilitators, null);
    }
}
