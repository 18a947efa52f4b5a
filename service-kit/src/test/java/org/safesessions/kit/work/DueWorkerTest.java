package org.safesessions.kit.work;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DueWorkerTest {

    private static final DueWorker.InTransaction NO_TRANSACTION = new DueWorker.InTransaction() {
        @Override
        public <R> R call(Supplier<R> work) {
            return work.get();
        }
    };

    /** Due items 0..n-1, handed out in order, each claimed once. */
    static class Queue implements DueWork<Integer> {
        final List<Integer> due = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentLinkedQueue<Integer> performed = new ConcurrentLinkedQueue<>();
        final List<Integer> claimSizes = Collections.synchronizedList(new ArrayList<>());
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

        Queue(int n) {
            for (int i = 0; i < n; i++) {
                due.add(i);
            }
        }

        @Override
        public synchronized List<Integer> claim(int limit) {
            claimSizes.add(limit);
            List<Integer> claimed = new ArrayList<>(due.subList(0, Math.min(limit, due.size())));
            due.removeAll(claimed);
            return claimed;
        }

        @Override
        public void perform(Integer item) {
            performed.add(item);
        }

        @Override
        public void performAll(List<Integer> claimed) {
            batches.add(claimed);
            DueWork.super.performAll(claimed);
        }
    }

    @Test
    void aSequentialPassGoesRoundWhileFullBatchesAreDue() {
        Queue queue = new Queue(25);
        DueWorker<Integer> worker = new DueWorker<>("test", queue, 10, 1, false, NO_TRANSACTION);

        assertEquals(25, worker.pass());
        assertEquals(List.of(10, 10, 5), queue.batches.stream().map(List::size).toList());
        assertEquals(25, queue.performed.size());
        assertEquals(List.of(0, 1, 2, 3, 4), new ArrayList<>(queue.performed).subList(0, 5), "in claim order");
    }

    @Test
    void aPassWithNothingDueClaimsOnceAndStops() {
        Queue queue = new Queue(0);
        DueWorker<Integer> worker = new DueWorker<>("test", queue, 10, 1, false, NO_TRANSACTION);

        assertEquals(0, worker.pass());
        assertEquals(1, queue.claimSizes.size());
    }

    @Test
    void aFailingBatchEndsThePassAndLeavesTheRestDue() {
        Queue queue = new Queue(30) {
            @Override
            public void performAll(List<Integer> claimed) {
                throw new IllegalStateException("Kafka away");
            }
        };
        DueWorker<Integer> worker = new DueWorker<>("test", queue, 10, 1, false, NO_TRANSACTION);

        assertEquals(10, worker.pass(), "one batch claimed, then the pass stops rather than spin");
        assertEquals(20, queue.due.size());
    }

    @Test
    void aFailingClaimIsAPassThatDidNothing() {
        DueWork<Integer> broken = new DueWork<>() {
            @Override
            public List<Integer> claim(int limit) {
                throw new IllegalStateException("database away");
            }

            @Override
            public void perform(Integer item) {
            }
        };
        assertEquals(0, new DueWorker<>("test", broken, 10, 1, false, NO_TRANSACTION).pass());
    }

    @Test
    void aConcurrentWorkerHoldsAtMostTwiceItsWorkersRunsNoMoreThanThemAndFinishesEverything() throws Exception {
        int concurrency = 3;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(20);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Queue queue = new Queue(20) {
            @Override
            public void perform(Integer item) {
                int now = running.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                super.perform(item);
                allDone.countDown();
            }
        };
        DueWorker<Integer> worker = new DueWorker<>("test", queue, 10, concurrency, true, NO_TRANSACTION);

        assertEquals(2 * concurrency, worker.pass(), "its workers' items and as many waiting, not a whole batch");
        assertEquals(List.of(2 * concurrency), queue.claimSizes, "and no claim while that many are in hand");
        release.countDown();
        assertTrue(allDone.await(10, TimeUnit.SECONDS), "workers that finish ask for passes until nothing is due");
        assertEquals(20, queue.performed.size());
        assertEquals(20, queue.performed.stream().distinct().count(), "each item performed once");
        assertTrue(mostAtOnce.get() <= concurrency);
        assertTrue(queue.claimSizes.stream().allMatch(size -> size <= 2 * concurrency));
        worker.stop();
    }

    @Test
    void whileMuchIsDueAConcurrentWorkerClaimsAtLeastItsWorkersWorthAtATime() throws Exception {
        int concurrency = 4;
        CountDownLatch allDone = new CountDownLatch(100);
        Queue queue = new Queue(100) {
            @Override
            public void perform(Integer item) {
                super.perform(item);
                allDone.countDown();
            }
        };
        DueWorker<Integer> worker = new DueWorker<>("test", queue, 50, concurrency, true, NO_TRANSACTION);
        worker.request();
        assertTrue(allDone.await(10, TimeUnit.SECONDS));
        assertEquals(100, queue.performed.stream().distinct().count());
        // every claim asks for concurrency items or more (the last finds what is left): not one claim per item
        List<Integer> sizes = List.copyOf(queue.claimSizes);
        assertTrue(sizes.stream().allMatch(size -> size >= concurrency), sizes::toString);
        assertTrue(sizes.size() <= 100 / concurrency + 2, sizes::toString);
        worker.stop();
    }

    @Test
    void aFailingItemDoesNotStopTheOthers() throws Exception {
        CountDownLatch allTried = new CountDownLatch(5);
        Queue queue = new Queue(5) {
            @Override
            public void perform(Integer item) {
                try {
                    if (item == 2) {
                        throw new IllegalStateException("SMTP refused");
                    }
                    super.perform(item);
                } finally {
                    allTried.countDown();
                }
            }
        };
        DueWorker<Integer> worker = new DueWorker<>("test", queue, 10, 2, true, NO_TRANSACTION);
        worker.request();
        assertTrue(allTried.await(10, TimeUnit.SECONDS));
        assertEquals(4, queue.performed.size());
        worker.stop();
    }
}
