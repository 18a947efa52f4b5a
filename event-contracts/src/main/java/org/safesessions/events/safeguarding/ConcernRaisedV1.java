package org.safesessions.events.safeguarding;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A concern was raised: category codes and risk only. No narrative, no subject's name or id: alerts carry the
 * {@code reference} and a portal link. {@code sessionId} is set when the concern arose in a session.
 */
public record ConcernRaisedV1(
        UUID concernId,
        String organisation,
        String reference,
        SubjectType subjectType,
        Set<ConcernCategory> categories,
        RiskLevel risk,
        ConcernSource source,
        UUID sessionId,
        OffsetDateTime raisedAt) implements EventPayload {
}
