package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A young person asked for a one-to-one session; a coordinator recorded the request. */
public record OneToOneRequestedV1(
        UUID requestId,
        String organisation,
        UUID youngPersonId,
        String recordedBy,
        OffsetDateTime requestedAt) implements EventPayload {
}
