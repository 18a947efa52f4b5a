package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session was ended early. The facilitator's account of why stays in session-service; the reason code says
 * whether safeguarding-service raises a concern ({@link TerminationReason#raisesConcern()}). {@code youngPersonId}
 * is the young person concerned, when there is one.
 */
public record SessionTerminatedEarlyV1(
        UUID sessionId,
        String organisation,
        TerminationReason reason,
        UUID youngPersonId,
        String terminatedBy,
        OffsetDateTime terminatedAt,
        List<String> facilitators) implements EventPayload {
}
