package org.safesessions.events.session;

import org.safesessions.events.EventPayload;
import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session was booked; invitees are young people's ids. {@code facilitatorIds} are the facilitators' Keycloak user ids (added compatibly; consumers should use them).
 * {@code facilitators} still carries their canonical user names for consumers not yet moved to the ids. The title and the join details stay in session-service.
 */
public record SessionScheduledV1(
        UUID sessionId,
        String organisation,
        SessionKind kind,
        Platform platform,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        List<String> facilitators,
        List<UUID> invitees,
        List<String> facilitatorIds) implements EventPayload {

    /** The shape before {@code facilitatorIds}, as older producers (and tests) build it. */
    public SessionScheduledV1(UUID sessionId, String organisation, SessionKind kind, Platform platform,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> facilitators,
                              List<UUID> invitees) {
        this(sessionId, organisation, kind, platform, startsAt, endsAt, facilitators, invitees, null);
    }
}
