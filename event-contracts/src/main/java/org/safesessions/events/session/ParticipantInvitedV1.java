package org.safesessions.events.session;

import org.safesessions.events.EventPayload;
import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A young person's invitation is ready to send: on Zoom, their registrant exists and has a personal join link.
 * The join link and passcode are not on Kafka: notification-service reads them from session-service with a
 * service token when it sends the invitation.
 */
public record ParticipantInvitedV1(
        UUID sessionId,
        String organisation,
        UUID youngPersonId,
        Platform platform,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt) implements EventPayload {
}
