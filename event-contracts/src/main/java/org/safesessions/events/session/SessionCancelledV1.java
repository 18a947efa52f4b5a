package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session was cancelled before it ran; its invitees and facilitators are told. {@code facilitatorIds} are the facilitators' Keycloak user ids (added compatibly; consumers should use them).
 * {@code facilitators} still carries their canonical user names for consumers not yet moved to the ids.
 */
public record SessionCancelledV1(
        UUID sessionId,
        String organisation,
        OffsetDateTime startsAt,
        OffsetDateTime cancelledAt,
        List<String> facilitators,
        List<UUID> invitees,
        List<String> facilitatorIds) implements EventPayload {

    /** The shape before {@code facilitatorIds}, as older producers (and tests) build it. */
    public SessionCancelledV1(UUID sessionId, String organisation, OffsetDateTime startsAt,
                              OffsetDateTime cancelledAt, List<String> facilitators, List<UUID> invitees) {
        this(sessionId, organisation, startsAt, cancelledAt, facilitators, invitees, null);
    }
}
