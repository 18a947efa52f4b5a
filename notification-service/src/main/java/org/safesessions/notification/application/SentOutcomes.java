package org.safesessions.notification.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.safesessions.notification.domain.Delivery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The "sent" outcomes of messages their channel has accepted, recorded several to a transaction: while one sender
 * writes the outcomes waiting, the others add theirs and go on to their next message; the next to find nobody writing
 * writes what has gathered meanwhile (group commit, no timer). Each delivery keeps the moment its own channel
 * accepted it, and the outcome is applied by {@link Delivery#sent} on the row locked afresh, so a claim lost meanwhile
 * is not overwritten and one dead-lettered as outcome unknown is recorded sent after all.
 * <p>
 * With fewer senders than {@link #MOST_AT_ONCE}, an outcome waits for at most the transaction in progress before its
 * own: milliseconds, which widen the outcome-unknown window of {@link Dispatcher} by as much. Should the write fail (the database away), the outcomes are put back and written by
 * the next sender or the next {@link #flush}; should the service stop before that, their leases run out and they are
 * dead-lettered as outcome unknown, never resent.
 */
@ApplicationScoped
public class SentOutcomes {

    private static final Logger LOG = Logger.getLogger(SentOutcomes.class);

    /** Outcomes written in one transaction at most: a burst does not hold its rows' locks for long. */
    static final int MOST_AT_ONCE = 100;

    private final Queue<Sent> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    @Inject
    EntityManager em;

    private record Sent(UUID id, OffsetDateTime at) {
    }

    /** Delivery {@code id} was accepted by its channel at {@code at}: recorded now or with the next few. */
    public void sent(UUID id, OffsetDateTime at) {
        waiting.add(new Sent(id, at));
        flush();
    }

    /** Writes the outcomes waiting, unless another thread is writing them (it writes what it finds on finishing). */
    public void flush() {
        while (!waiting.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                if (!writeSome()) {
                    return; // put back; the next sender or pass tries again
                }
            } finally {
                writing.set(false);
            }
        }
    }

    /** Writes up to {@link #MOST_AT_ONCE} waiting outcomes in one transaction; false (and put back) if it failed. */
    private boolean writeSome() {
        List<Sent> batch = new ArrayList<>();
        for (Sent next; batch.size() < MOST_AT_ONCE && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        // one order for the row locks, whichever sender's turn it is
        batch.sort(Comparator.comparing(Sent::id));
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(sent -> {
                Delivery delivery = em.find(Delivery.class, sent.id(), LockModeType.PESSIMISTIC_WRITE);
                if (delivery != null) {
                    delivery.sent(sent.at(), null);
                }
            }));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("%d sent outcome(s) not recorded yet (%s); tried again shortly", batch.size(),
                    Dispatcher.kinds(e));
            waiting.addAll(batch);
            return false;
        }
    }
}
