package org.safesessions.events.safeguarding;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A concern was raised: category codes and risk only. No narrative, no subject's name: alerts carry the
 * {@code reference} and a portal link. {@code sessionId} is set when the concern arose in a session.
 * <p>
 * {@code subjectStaffId} (added compatibly; null unless {@code subjectType} is STAFF_MEMBER) is the Keycloak user id
 * of the member of staff an allegation is about, so that no alert about it ever reaches them (SPEC §5). An id, never
 * a name.
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
        OffsetDateTime raisedAt,
        String subjectStaffId) implements EventPayload {

    /** The shape before {@code subjectStaffId}, as older producers (and tests) build it. */
    public ConcernRaisedV1(UUID concernId, String organisation, String reference, SubjectType subjectType,
                           Set<ConcernCategory> categories, RiskLevel risk, ConcernSource source, UUID sessionId,
                           OffsetDateTime raisedAt) {
        this(concernId, organisation, reference, subjectType, categories, risk, source, sessionId, raisedAt, null);
    }
}
