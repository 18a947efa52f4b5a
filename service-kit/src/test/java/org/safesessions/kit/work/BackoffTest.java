package org.safesessions.kit.work;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void firstFailureWaitsTheFirstDuration() {
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(30), backoff.after(0), "no failure yet counts as the first");
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertEquals(Duration.ofMinutes(1), backoff.after(2));
        assertEquals(Duration.ofMinutes(2), backoff.after(3));
        assertEquals(Duration.ofMinutes(8), backoff.after(5));
    }

    @Test
    void theWaitNeverPassesTheLongest() {
        assertEquals(Duration.ofMinutes(10), backoff.after(6));
        assertEquals(Duration.ofMinutes(10), backoff.after(63));
        assertEquals(Duration.ofMinutes(10), backoff.after(Integer.MAX_VALUE));
    }

    @Test
    void refusesAPolicyThatCannotWait() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
