package org.safesessions.notification;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time shifted, so it still runs (backoffs, leases) but tests choose the moment.
 * By default it is shifted to tomorrow's midday, UK time, so family messages are never held by quiet hours because of
 * when the build happens to run.
 */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private volatile Duration shift = Duration.ZERO;

    public TestClock() {
        reset();
    }

    /** Back to tomorrow's midday, UK time. */
    public void reset() {
        setTo(LocalDate.now(UK).plusDays(1).atTime(LocalTime.NOON).atZone(UK).toInstant());
    }

    /** From now on, the clock reads {@code at} and runs on from there. */
    public void setTo(Instant at) {
        shift = Duration.between(Instant.now(), at);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), shift);
    }
}
