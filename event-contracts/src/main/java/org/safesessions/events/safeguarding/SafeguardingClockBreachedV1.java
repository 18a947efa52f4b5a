package org.safesessions.events.safeguarding;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A safeguarding deadline passed: the organisation's DSLs are alerted at once. {@code subjectStaffId} (added
 * compatibly; null unless the concern is an allegation against staff) is the Keycloak user id of the member of staff
 * it is about: they are never told (SPEC §5). An id, never a name.
 */
public record SafeguardingClockBreachedV1(
        UUID concernId,
        String organisation,
        String reference,
        SafeguardingClock clock,
        RiskLevel risk,
        OffsetDateTime dueAt,
        OffsetDateTime breachedAt,
        String subjectStaffId) implements EventPayload {

    /** The shape before {@code subjectStaffId}, as older producers (and tests) build it. */
    public SafeguardingClockBreachedV1(UUID concernId, String organisation, String reference, SafeguardingClock clock,
                                       RiskLevel risk, OffsetDateTime dueAt, OffsetDateTime breachedAt) {
        this(concernId, organisation, reference, clock, risk, dueAt, breachedAt, null);
    }
}
