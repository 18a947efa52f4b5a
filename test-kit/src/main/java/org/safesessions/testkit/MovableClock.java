package org.safesessions.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move instead of sleeping: real time plus an offset, or a frozen instant. A service's tests make it
 * their {@code Clock} bean with a one-line {@code @Singleton} subclass (it then replaces the kit's default bean), so
 * expiry, reminders, quiet hours and deadlines are tested in milliseconds. Tests {@link #reset()} it when done.
 */
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        Instant f = frozen;
        if (f != null) {
            frozen = f.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** From now on the clock reads {@code at} and runs on from there. */
    public void setTo(Instant at) {
        frozen = null;
        offset = Duration.between(Instant.now(), at);
    }

    /** Stops time at {@code at} until {@link #reset()} (or {@link #advance} moves it). */
    public void freezeAt(Instant at) {
        frozen = at;
    }

    /** Back to real time. */
    public void reset() {
        offset = Duration.ZERO;
        frozen = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moving time, seen in another zone: it follows later moves of this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock time = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return time.withZone(other);
            }

            @Override
            public Instant instant() {
                return time.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant f = frozen;
        return f != null ? f : Instant.now().plus(offset);
    }
}
