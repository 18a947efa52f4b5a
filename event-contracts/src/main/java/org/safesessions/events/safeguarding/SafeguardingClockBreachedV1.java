package org.safesessions.events.safeguarding;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A safeguarding deadline passed: the organisation's managers and DSLs are alerted at once. */
public record SafeguardingClockBreachedV1(
        UUID concernId,
        String organisation,
        String reference,
        SafeguardingClock clock,
        RiskLevel risk,
        OffsetDateTime dueAt,
        OffsetDateTime breachedAt) implements EventPayload {
}
