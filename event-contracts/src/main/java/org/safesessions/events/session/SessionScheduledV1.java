package org.safesessions.events.session;

import org.safesessions.events.EventPayload;
import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session was booked. Facilitators are staff user names (the staff directory's key); invitees are young
 * people's ids. The title and the join details stay in session-service.
 */
public record SessionScheduledV1(
        UUID sessionId,
        String organisation,
        SessionKind kind,
        Platform platform,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        List<String> facilitators,
        List<UUID> invitees) implements EventPayload {
}
