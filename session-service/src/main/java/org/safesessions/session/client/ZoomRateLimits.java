package org.safesessions.session.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One rolling one-second window per Zoom rate-limit category, shared by every Zoom call of this service, holding at
 * most the plan's per-second limit times {@code rate-headroom} (Pro Light 27, Medium 18, Heavy 9 at 0.9).
 * <p>
 * Zoom (and the simulator) count the requests that <em>arrive</em> in each clock second. A request arrives somewhere
 * between being sent and its answer coming back, so a call holds its place in the window from the moment it is sent
 * until a second after its answer: a call goes out only while the calls in flight plus those answered within the last
 * second are fewer than the window holds. Then any second, wherever its boundaries fall and however the requests are
 * delayed on the way, sees at most that many arrivals: the last to arrive in it was sent while every other one was
 * in flight or answered less than a second before. A refilling bucket could not promise that (calls bunched either
 * side of a boundary). A per-second 429 closes the category's window until its Retry-After.
 */
@ApplicationScoped
public class ZoomRateLimits {

    /** Clock-second boundaries on the two sides are not read at the same instant: a few milliseconds' slack. */
    static final Duration WINDOW = Duration.ofMillis(1_005);

    @Inject
    ZoomConfig config;

    private final Map<ZoomRateCategory, Window> windows = new EnumMap<>(ZoomRateCategory.class);

    @PostConstruct
    void init() {
        for (ZoomRateCategory category : ZoomRateCategory.values()) {
            windows.put(category, new Window(perWindow(category), WINDOW));
        }
    }

    /** Calls of {@code category} in any second at most: the plan's limit times the headroom, at least one. */
    public int perWindow(ZoomRateCategory category) {
        return Math.max(1, (int) Math.floor(category.perSecond(config.plan()) * config.rateHeadroom()));
    }

    /**
     * Waits for a place in {@code category}'s window (returns at once when there is one); the call is made while the
     * permit is held and the permit closed once its answer is in (or it failed).
     */
    public Permit acquire(ZoomRateCategory category) {
        return windows.get(category).acquire();
    }

    /** Zoom refused a call of {@code category} for its rate: no call of it goes out before {@code retryAfter}. */
    public void slowDown(ZoomRateCategory category, Duration retryAfter) {
        windows.get(category).pause(retryAfter);
    }

    /** A call's place in its window, from being sent until its answer; closing it starts the last second it counts. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Calls in flight and the answer times of the last {@code span}; a new call waits for a place. */
    static final class Window {

        private final int capacity;
        private final long spanNanos;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        /** When the answers of the last span came in, oldest first. */
        private final ArrayDeque<Long> answered = new ArrayDeque<>();
        private int inFlight;
        private long pausedUntil = System.nanoTime();

        Window(int capacity, Duration span) {
            this.capacity = capacity;
            this.spanNanos = span.toNanos();
        }

        Permit acquire() {
            lock.lock();
            try {
                while (true) {
                    long now = System.nanoTime();
                    while (!answered.isEmpty() && now - answered.peekFirst() >= spanNanos) {
                        answered.pollFirst();
                    }
                    long wait;
                    if (now - pausedUntil < 0) {
                        wait = pausedUntil - now;
                    } else if (inFlight + answered.size() < capacity) {
                        inFlight++;
                        return this::answered;
                    } else if (answered.isEmpty()) {
                        wait = spanNanos; // every place is a call in flight: woken when one is answered
                    } else {
                        wait = answered.peekFirst() + spanNanos - now;
                    }
                    try {
                        changed.awaitNanos(Math.max(wait, TimeUnit.MICROSECONDS.toNanos(100)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Zoom's rate limit", e);
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        private void answered() {
            lock.lock();
            try {
                inFlight--;
                answered.addLast(System.nanoTime());
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void pause(Duration retryAfter) {
            lock.lock();
            try {
                long until = System.nanoTime() + retryAfter.toNanos();
                if (until - pausedUntil > 0) {
                    pausedUntil = until;
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
