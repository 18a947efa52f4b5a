package org.safesessions.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.safesessions.kit.work.CoalescingRunner;
import org.safesessions.notification.routing.MessageSender;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Sends due messages. Each is claimed (SENDING, with a lease) in a short transaction with {@code FOR UPDATE SKIP
 * LOCKED}, so two replicas never take the same message; it is sent outside any transaction, then its outcome is
 * recorded. Only a sender that dies between the channel accepting a message and that record can cause a repeat,
 * once its lease runs out. Failures back off exponentially and end dead-lettered.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DispatchSettings settings;

    @Inject
    MessageSender sender;

    @Inject
    Event<DispatchRequested> requested;

    private final CoalescingRunner runner = new CoalescingRunner(this::dispatchDue);

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueue.Queued queued) {
        requested.fireAsync(new DispatchRequested());
    }

    void onRequested(@ObservesAsync DispatchRequested request) {
        runner.request();
    }

    @Scheduled(every = "${notification.dispatch.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        runner.request();
    }

    /** Sends every due message; returns how many were handled. */
    int dispatchDue() {
        try {
            int total = 0;
            List<UUID> claimed;
            do {
                claimed = QuarkusTransaction.requiringNew().call(this::claimBatch);
                claimed.forEach(this::deliver);
                total += claimed.size();
            } while (claimed.size() == settings.batchSize());
            return total;
        } catch (RuntimeException e) {
            LOG.warnf("dispatch pass failed: %s", e.getClass().getSimpleName());
            return 0;
        }
    }

    /**
     * Claims due messages in a short transaction: SENDING, leased for a while. Rows another replica holds are
     * skipped; a lease that ran out (its sender died mid-send) makes the message due again.
     */
    private List<UUID> claimBatch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Delivery> due = em.createQuery("""
                        from Delivery where status in (:queued, :failed, :sending) and nextAttemptAt <= :now
                        order by urgent desc, nextAttemptAt""", Delivery.class)
                .setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("failed", DeliveryStatus.FAILED)
                .setParameter("sending", DeliveryStatus.SENDING)
                .setParameter("now", now)
                .setMaxResults(settings.batchSize())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        for (Delivery delivery : due) {
            delivery.status = DeliveryStatus.SENDING;
            delivery.attempts++;
            delivery.nextAttemptAt = now.plus(settings.sendingLease());
        }
        return due.stream().map(d -> d.id).toList();
    }

    /** Sends one claimed message outside any transaction, then records how it went. */
    private void deliver(UUID id) {
        Delivery delivery = QuarkusTransaction.requiringNew().call(() -> em.find(Delivery.class, id));
        DeliveryStatus outcome;
        String reason = null;
        try {
            sender.send(delivery);
            outcome = DeliveryStatus.SENT;
        } catch (RecipientUnavailableException e) {
            outcome = DeliveryStatus.SUPPRESSED;
            reason = e.getMessage();
        } catch (RuntimeException e) {
            outcome = DeliveryStatus.FAILED;
            reason = e.getClass().getSimpleName();
        }
        DeliveryStatus result = outcome;
        String why = reason;
        QuarkusTransaction.requiringNew().run(() -> record(id, result, why));
    }

    private void record(UUID id, DeliveryStatus outcome, String reason) {
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.status != DeliveryStatus.SENDING) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (outcome) {
            case SENT -> {
                delivery.status = DeliveryStatus.SENT;
                delivery.statusReason = null;
                delivery.sentAt = now;
            }
            case SUPPRESSED -> {
                delivery.status = DeliveryStatus.SUPPRESSED;
                delivery.statusReason = reason;
            }
            default -> {
                if (delivery.attempts >= settings.maxAttempts()) {
                    delivery.status = DeliveryStatus.DEAD_LETTERED;
                    delivery.statusReason = "gave up after " + delivery.attempts + " attempts: " + reason;
                    LOG.errorf("message %s dead-lettered after %d attempts (%s)", id, delivery.attempts, reason);
                } else {
                    delivery.status = DeliveryStatus.FAILED;
                    delivery.statusReason = reason;
                    delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                    LOG.warnf("message %s attempt %d failed (%s); next at %s", id, delivery.attempts, reason,
                            delivery.nextAttemptAt);
                }
            }
        }
    }

    private Duration backoff(int attempts) {
        Duration wait = settings.firstRetryAfter().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait;
    }

    record DispatchRequested() {
    }
}
