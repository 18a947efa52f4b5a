package org.safesessions.events.safeguarding;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner council responded to a referral. Its own reference stays in safeguarding-service. */
public record CouncilRespondedV1(
        UUID concernId,
        String organisation,
        String reference,
        String council,
        CouncilDecision decision,
        OffsetDateTime decidedAt,
        OffsetDateTime receivedAt) implements EventPayload {
}
