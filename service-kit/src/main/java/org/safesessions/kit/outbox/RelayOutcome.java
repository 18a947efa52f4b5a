package org.safesessions.kit.outbox;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What Kafka made of a relayed batch, read in write order: the first {@code acknowledged} events were acknowledged;
 * the event after them was not (or was never sent), and neither it nor anything after it counts as sent in this pass.
 *
 * @param acknowledged how many events, from the start of the batch, Kafka acknowledged
 * @param error        why the first unacknowledged event was not (the exception's simple name), or null if all were
 */
record RelayOutcome(int acknowledged, String error) {

    boolean complete(int batchSize) {
        return acknowledged == batchSize;
    }

    /**
     * Awaits {@code acks} in order until {@code deadlineNanos} ({@link System#nanoTime()}), stopping at the first that
     * failed or did not arrive in time. {@code acks} may be shorter than the batch: sending stopped early.
     */
    static RelayOutcome await(List<? extends Future<?>> acks, int batchSize, long deadlineNanos) {
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return new RelayOutcome(i, (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName());
            } catch (TimeoutException e) {
                return new RelayOutcome(i, "TimeoutException");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RelayOutcome(i, "InterruptedException");
            }
        }
        return acks.size() == batchSize ? new RelayOutcome(batchSize, null)
                : new RelayOutcome(acks.size(), "NotSent"); // never reached: sending stopped before it
    }
}
