package org.safesessions.events.safeguarding;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A DSL acknowledged a concern. */
public record ConcernAcknowledgedV1(
        UUID concernId,
        String organisation,
        String reference,
        RiskLevel risk,
        OffsetDateTime acknowledgedAt) implements EventPayload {
}
