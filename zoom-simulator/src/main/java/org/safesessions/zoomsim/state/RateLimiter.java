package org.safesessions.zoomsim.state;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safesessions.zoomsim.config.ZoomSimConfig;

/**
 * The account's per-second limits by request type, counted per UTC second as Zoom's QPS limits are: within one
 * second the first {@code limit} requests of a category are admitted, the rest answered 429. Admitted and refused
 * counts are kept per second so a test can show that no second went over its limit.
 */
@ApplicationScoped
public class RateLimiter {

    /** Bounds memory when the local stack runs for days: an hour of seconds. */
    private static final int SECONDS_KEPT = 3600;

    /** Requests counted in one second of one category. */
    public record SecondCount(Instant second, RateLimitCategory category, int admitted, int refused) {
    }

    private static final class Counts {
        int admitted;
        int refused;
    }

    private final TreeMap<Long, Map<RateLimitCategory, Counts>> bySecond = new TreeMap<>();

    @Inject
    ZoomSimConfig config;

    public ZoomPlan plan() {
        return config.rateLimits().plan();
    }

    public boolean enabled() {
        return config.rateLimits().enabled();
    }

    public int limit(RateLimitCategory category) {
        return plan().perSecond(category);
    }

    /** Counts a request arriving at {@code now}; false when its category's limit for that second is used up. */
    public synchronized boolean admit(RateLimitCategory category, Instant now) {
        long second = now.getEpochSecond();
        Counts counts = bySecond.computeIfAbsent(second, s -> new EnumMap<>(RateLimitCategory.class))
                .computeIfAbsent(category, c -> new Counts());
        while (bySecond.size() > SECONDS_KEPT) {
            bySecond.pollFirstEntry();
        }
        if (enabled() && counts.admitted >= limit(category)) {
            counts.refused++;
            return false;
        }
        counts.admitted++;
        return true;
    }

    /** Every second that saw requests, oldest first, one row per category. */
    public synchronized List<SecondCount> seconds() {
        List<SecondCount> rows = new ArrayList<>();
        bySecond.forEach((second, categories) -> categories.forEach((category, counts) ->
                rows.add(new SecondCount(Instant.ofEpochSecond(second), category, counts.admitted, counts.refused))));
        return rows;
    }

    public synchronized void clear() {
        bySecond.clear();
    }
}
