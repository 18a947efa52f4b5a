package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A young person was taken off a future session (un-invited, or their consent ended). */
public record ParticipantRemovedV1(
        UUID sessionId,
        String organisation,
        UUID youngPersonId,
        RemovalReason reason,
        OffsetDateTime startsAt,
        OffsetDateTime removedAt) implements EventPayload {
}
