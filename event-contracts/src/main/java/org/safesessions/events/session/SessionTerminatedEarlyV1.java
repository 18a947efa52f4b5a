package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session was ended early. The facilitator's account of why stays in session-service; the reason code says
 * whether safeguarding-service raises a concern ({@link TerminationReason#raisesConcern()}). {@code youngPersonId}
 * is the young person concerned, when there is one. {@code terminatedById} and {@code facilitatorIds} are Keycloak
 * user ids (added compatibly); {@code terminatedBy} and {@code facilitators} still carry canonical user names.
 */
public record SessionTerminatedEarlyV1(
        UUID sessionId,
        String organisation,
        TerminationReason reason,
        UUID youngPersonId,
        String terminatedBy,
        OffsetDateTime terminatedAt,
        List<String> facilitators,
        String terminatedById,
        List<String> facilitatorIds) implements EventPayload {

    /** The shape before the Keycloak ids, as older producers (and tests) build it. */
    public SessionTerminatedEarlyV1(UUID sessionId, String organisation, TerminationReason reason, UUID youngPersonId,
                                    String terminatedBy, OffsetDateTime terminatedAt, List<String> facilitators) {
        this(sessionId, organisation, reason, youngPersonId, terminatedBy, terminatedAt, facilitators, null, null);
    }
}
