package org.safesessions.zoomsim.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The faults tests have asked for, consulted in the order they were added. */
@ApplicationScoped
public class FaultPlan {

    private static final long LONGEST_DELAY_MS = 120_000;

    private final List<Fault> faults = new ArrayList<>();

    /**
     * Adds a fault. {@code times} defaults to 1; a negative value keeps the fault until
     * {@link #clear()}.
     *
     * @throws IllegalArgumentException when the fault would do nothing or cannot match
     */
    public synchronized Fault add(String method, String path, Integer status, Integer retryAfterSeconds,
                                  Long delayMs, String message, Integer times) {
        if (status == null && (delayMs == null || delayMs <= 0)) {
            throw new IllegalArgumentException("a fault needs a status, a delayMs, or both");
        }
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be an HTTP error status (400-599), was " + status);
        }
        if (delayMs != null && (delayMs < 0 || delayMs > LONGEST_DELAY_MS)) {
            throw new IllegalArgumentException("delayMs must be between 0 and " + LONGEST_DELAY_MS);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        if (times != null && times == 0) {
            throw new IllegalArgumentException("times must be positive, or negative for 'until cleared'");
        }
        if (path != null) {
            try {
                Pattern.compile(path);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("path is not a valid regex: " + e.getDescription());
            }
        }
        Fault fault = new Fault(UUID.randomUUID().toString(), method, path, status, retryAfterSeconds,
                delayMs == null ? 0 : delayMs, message, times == null ? 1 : times);
        faults.add(fault);
        return fault;
    }

    /** Takes one use of the first fault matching the request, dropping it when used up. */
    public synchronized Optional<Fault> claim(String method, String path) {
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            if (fault.matches(method, path)) {
                Fault used = fault.used();
                if (used.remaining() == 0) {
                    faults.remove(i);
                } else {
                    faults.set(i, used);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> active() {
        return List.copyOf(faults);
    }

    public synchronized void clear() {
        faults.clear();
    }
}
