package org.safesessions.events.safeguarding;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A concern was referred to a partner council; its decision is due by {@code decisionDueAt}. */
public record ConcernEscalatedV1(
        UUID concernId,
        String organisation,
        String reference,
        String council,
        EscalationMethod method,
        RiskLevel risk,
        OffsetDateTime escalatedAt,
        OffsetDateTime decisionDueAt) implements EventPayload {
}
