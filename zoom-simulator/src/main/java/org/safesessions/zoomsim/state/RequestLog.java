package org.safesessions.zoomsim.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every Zoom API and token request received, so a test can assert what its client
 * actually sent ("exactly one meeting created", "retried after the 429").
 */
@ApplicationScoped
public class RequestLog {

    /** Bounds memory when the local stack runs for days. */
    private static final int CAPACITY = 10_000;

    private final AtomicLong sequence = new AtomicLong();
    private final List<LoggedRequest> entries = new ArrayList<>();

    /** Numbers requests in arrival order; they are recorded once answered. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    public synchronized void record(LoggedRequest request) {
        if (entries.size() == CAPACITY) {
            entries.remove(0);
        }
        entries.add(request);
    }

    public synchronized List<LoggedRequest> entries() {
        List<LoggedRequest> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparingLong(LoggedRequest::sequence));
        return copy;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
