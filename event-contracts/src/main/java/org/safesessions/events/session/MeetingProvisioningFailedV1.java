package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Zoom provisioning of a session gave up after its retries; coordinators are told. {@code failure} is a code
 * such as {@code HTTP_429}, {@code HTTP_503}, {@code TIMEOUT}, {@code SETTINGS_NOT_APPLIED}.
 */
public record MeetingProvisioningFailedV1(
        UUID sessionId,
        String organisation,
        String failure,
        int attempts,
        OffsetDateTime startsAt,
        OffsetDateTime failedAt) implements EventPayload {
}
