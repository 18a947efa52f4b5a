package org.safesessions.kit.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * "Now" as every service writes it: an {@link OffsetDateTime} in UTC, read from the one {@link Clock} (so a test that
 * supplies its own clock drives every timestamp, due time and deadline of the service).
 */
@ApplicationScoped
public class Time {

    @Inject
    Clock clock;

    /** The current instant as a UTC date-time, as stored in every timestamp column. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    public Instant instant() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }
}
