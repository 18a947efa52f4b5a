package org.safesessions.safeguarding;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests (it replaces the kit's default bean): real time plus an offset a test moves
 * forward, or a fixed instant, so clocks and deadlines are tested without sleeping. Tests reset it when done.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant fixed;

    public void advance(Duration by) {
        if (fixed != null) {
            fixed = fixed.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Stops time at {@code at} until {@link #reset()}. */
    public void setTo(Instant at) {
        fixed = at;
    }

    public void reset() {
        offset = Duration.ZERO;
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now().plus(offset);
    }
}
