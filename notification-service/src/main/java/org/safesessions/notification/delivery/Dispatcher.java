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

/**
 * Sends due messages. Each is claimed with {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction as its
 * send, so two replicas never send one message. Failures back off exponentially and end dead-lettered.
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
            int handled;
            do {
                handled = QuarkusTransaction.requiringNew().call(this::dispatchBatch);
                total += handled;
            } while (handled == settings.batchSize());
            return total;
        } catch (RuntimeException e) {
            LOG.warnf("dispatch pass failed: %s", e.getClass().getSimpleName());
            return 0;
        }
    }

    private int dispatchBatch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Delivery> due = em.createQuery("""
                        from Delivery where status in (:queued, :failed) and nextAttemptAt <= :now
                        order by urgent desc, nextAttemptAt""", Delivery.class)
                .setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("failed", DeliveryStatus.FAILED)
                .setParameter("now", now)
                .setMaxResults(settings.batchSize())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        for (Delivery delivery : due) {
            deliver(delivery, now);
        }
        return due.size();
    }

    private void deliver(Delivery delivery, OffsetDateTime now) {
        delivery.attempts++;
        try {
            sender.send(delivery);
            delivery.status = DeliveryStatus.SENT;
            delivery.statusReason = null;
            delivery.sentAt = now;
        } catch (RecipientUnavailableException e) {
            delivery.status = DeliveryStatus.SUPPRESSED;
            delivery.statusReason = e.getMessage();
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName();
            if (delivery.attempts >= settings.maxAttempts()) {
                delivery.status = DeliveryStatus.DEAD_LETTERED;
                delivery.statusReason = "gave up after " + delivery.attempts + " attempts: " + reason;
                LOG.errorf("message %s dead-lettered after %d attempts (%s)", delivery.id, delivery.attempts, reason);
            } else {
                delivery.status = DeliveryStatus.FAILED;
                delivery.statusReason = reason;
                delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                LOG.warnf("message %s attempt %d failed (%s); next at %s", delivery.id, delivery.attempts, reason,
                        delivery.nextAttemptAt);
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
