package org.safesessions.session.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rolling window alone (no Zoom): callers that each arrive at "Zoom" at some moment between sending and their
 * answer, with delays of up to 150 ms either side, never put more arrivals than the window holds into any one
 * second, wherever that second starts.
 */
class ZoomRateLimitsTest {

    private static final int CAPACITY = 10;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void noSecondSeesMoreArrivalsThanTheWindowHoldsHoweverTheCallsAreDelayed() throws Exception {
        ZoomRateLimits.Window window = new ZoomRateLimits.Window(CAPACITY, ZoomRateLimits.WINDOW);
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_500);
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(() -> {
                    int made = 0;
                    while (System.nanoTime() < until) {
                        try (ZoomRateLimits.Permit sent = window.acquire()) {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(150)); // on the way there
                            arrivals.add(System.nanoTime());
                            Thread.sleep(ThreadLocalRandom.current().nextInt(150)); // the answer on its way back
                        }
                        made++;
                    }
                    return made;
                }));
            }
            int made = 0;
            for (Future<Integer> call : calls) {
                made += call.get();
            }
            assertEquals(made, arrivals.size(), "every call made arrived once");
        }
        List<Long> sorted = new ArrayList<>(arrivals);
        Collections.sort(sorted);
        assertTrue(sorted.size() > CAPACITY, "more calls than one window holds were made: " + sorted.size());
        for (int first = 0, last = 0; first < sorted.size(); first++) {
            while (last < sorted.size() && sorted.get(last) - sorted.get(first) < SECOND) {
                last++;
            }
            assertTrue(last - first <= CAPACITY, (last - first) + " arrivals within a second of arrival " + first);
        }
    }

    @Test
    void aRateLimitClosesTheWindowForItsRetryAfter() {
        ZoomRateLimits.Window window = new ZoomRateLimits.Window(CAPACITY, ZoomRateLimits.WINDOW);
        long refused = System.nanoTime();
        window.pause(Duration.ofMillis(300));
        try (ZoomRateLimits.Permit sent = window.acquire()) {
            assertTrue(System.nanoTime() - refused >= TimeUnit.MILLISECONDS.toNanos(300),
                    "no call goes out before the Retry-After");
        }
    }
}
