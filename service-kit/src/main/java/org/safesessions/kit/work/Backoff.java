package org.safesessions.kit.work;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying again after a failure: {@code first} after the first failure, doubling with each
 * further one, never more than {@code max}. The one retry policy of every service (the outbox relay's Kafka sends,
 * the inbox's waits, message dispatch, council webhooks, Zoom provisioning), each with its own two durations.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first wait must be positive");
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the longest wait must be at least the first");
        }
    }

    /** The wait after {@code failures} failures in a row (1 for the first): first × 2^(failures − 1), at most max. */
    public Duration after(int failures) {
        int doublings = Math.max(0, failures - 1);
        if (doublings >= 62) {
            return max;
        }
        long factor = 1L << doublings;
        long firstNanos = first.toNanos();
        if (firstNanos > max.toNanos() / factor) {
            return max;
        }
        return Duration.ofNanos(firstNanos * factor);
    }
}
