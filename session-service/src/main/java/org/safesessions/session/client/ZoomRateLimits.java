package org.safesessions.session.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One token bucket per Zoom rate-limit category, shared by every Zoom call of this service, filled at the plan's
 * per-second limit times {@code rate-headroom}. A call takes a token first and waits only as long as the next
 * token is away; Zoom counts requests per second, so the bucket holds one token: a second can then see at most
 * the rate plus one, under the limit by the headroom. A 429 empties the category's bucket until its Retry-After.
 */
@ApplicationScoped
public class ZoomRateLimits {

    @Inject
    ZoomConfig config;

    private final Map<ZoomRateCategory, Bucket> buckets = new EnumMap<>(ZoomRateCategory.class);

    @PostConstruct
    void init() {
        for (ZoomRateCategory category : ZoomRateCategory.values()) {
            buckets.put(category, new Bucket(ratePerSecond(category)));
        }
    }

    /** The pace calls of {@code category} keep: the plan's limit times the headroom. */
    public double ratePerSecond(ZoomRateCategory category) {
        return Math.max(1, category.perSecond(config.plan()) * config.rateHeadroom());
    }

    /** Waits for a token of {@code category}; returns at once when one is there. */
    public void acquire(ZoomRateCategory category) {
        buckets.get(category).acquire();
    }

    /** Zoom refused a call of {@code category} for its rate: no call of it goes out before {@code retryAfter}. */
    public void slowDown(ZoomRateCategory category, Duration retryAfter) {
        buckets.get(category).pause(retryAfter);
    }

    /** A bucket of one token refilled every {@code 1/rate} s: each caller reserves the next free slot and waits for it. */
    static final class Bucket {

        private final long intervalNanos;
        private long nextFree = System.nanoTime();

        Bucket(double ratePerSecond) {
            this.intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        }

        void acquire() {
            long slot;
            synchronized (this) {
                long now = System.nanoTime();
                slot = Math.max(now, nextFree);
                nextFree = slot + intervalNanos;
            }
            long wait;
            while ((wait = slot - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        synchronized void pause(Duration retryAfter) {
            nextFree = Math.max(nextFree, System.nanoTime() + retryAfter.toNanos());
        }
    }
}
