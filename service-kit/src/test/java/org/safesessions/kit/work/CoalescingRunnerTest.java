package org.safesessions.kit.work;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescingRunnerTest {

    @Test
    void requestDuringARunningPassMakesItGoRoundOnceMore() throws Exception {
        CountDownLatch firstPassStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstPass = new CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        CoalescingRunner runner = new CoalescingRunner(() -> {
            if (passes.incrementAndGet() == 1) {
                firstPassStarted.countDown();
                await(releaseFirstPass);
            }
        });
        Thread background = new Thread(runner::request);
        background.start();
        assertTrue(firstPassStarted.await(5, TimeUnit.SECONDS));

        runner.request(); // returns at once: the running pass will repeat
        runner.request(); // coalesced with the previous request
        assertEquals(1, passes.get());

        releaseFirstPass.countDown();
        background.join(5_000);
        assertEquals(2, passes.get(), "one more pass for the requests made while running, not one per request");
    }

    @Test
    void requestsWhenIdleRunAPassEach() {
        AtomicInteger passes = new AtomicInteger();
        CoalescingRunner runner = new CoalescingRunner(passes::incrementAndGet);
        runner.request();
        runner.request();
        assertEquals(2, passes.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
