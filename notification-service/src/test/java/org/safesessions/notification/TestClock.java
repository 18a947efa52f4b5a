package org.safesessions.notification;

import jakarta.inject.Singleton;
import org.safesessions.testkit.MovableClock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The service's clock in tests (it replaces the kit's default bean); see the test kit's {@link MovableClock}.
 * It starts at tomorrow's midday, UK time — outside quiet hours — and runs on from there.
 */
@Singleton
public class TestClock extends MovableClock {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    public TestClock() {
        reset();
    }

    /** Back to tomorrow's midday, UK time. */
    @Override
    public void reset() {
        super.reset();
        setTo(LocalDate.now(UK).plusDays(1).atTime(LocalTime.NOON).atZone(UK).toInstant());
    }
}
