package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session's time, or its facilitators, changed. Carries the new state and the previous start. {@code facilitatorIds} are the facilitators' Keycloak user ids (added compatibly; consumers should use them).
 * {@code facilitators} still carries their canonical user names for consumers not yet moved to the ids.
 */
public record SessionRescheduledV1(
        UUID sessionId,
        String organisation,
        OffsetDateTime previousStartsAt,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        List<String> facilitators,
        List<UUID> invitees,
        List<String> facilitatorIds) implements EventPayload {

    /** The shape before {@code facilitatorIds}, as older producers (and tests) build it. */
    public SessionRescheduledV1(UUID sessionId, String organisation, OffsetDateTime previousStartsAt,
                                OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> facilitators,
                                List<UUID> invitees) {
        this(sessionId, organisation, previousStartsAt, startsAt, endsAt, facilitators, invitees, null);
    }
}
