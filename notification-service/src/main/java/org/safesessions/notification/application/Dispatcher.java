package org.safesessions.notification.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
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
import org.safesessions.kit.time.Time;
import org.safesessions.kit.work.CoalescingRunner;
import org.safesessions.notification.client.MessageSender;
import org.safesessions.notification.client.Outgoing;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryQueue;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.QuietHours;
import org.safesessions.notification.domain.RecipientUnavailableException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Sends due messages.
 * <p>
 * Each is claimed (SENDING, with a lease) in a short transaction with {@code FOR UPDATE SKIP LOCKED}, so two replicas
 * never take the same message; it is sent outside any transaction, then its outcome is recorded.
 * <p>
 * <b>Restart mid-send.</b> Just before a message is handed to SMTP or the SMS provider, {@code handed_over_at} is
 * committed. If the sender then dies before recording the outcome, nobody knows whether the channel took the
 * message. When its lease runs out, a claim that never reached hand-over is simply sent again (nothing left the
 * service); one that did is <i>not</i> resent but dead-lettered as "outcome unknown", visible to managers who can
 * retry it after checking. That favours "never twice" over "always", as SPEC §6 asks; the window is the
 * milliseconds of one SMTP conversation, and urgent staff alerts also go to the in-app feed, which is written in
 * the same transaction as its record and so is never ambiguous. Each email carries a Message-ID derived from the
 * delivery id, so a manual retry of a message that did arrive is recognisably the same message.
 * <p>
 * Failures back off exponentially and end dead-lettered. Family messages due in quiet hours wait for the morning.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String OUTCOME_UNKNOWN = "outcome unknown: the service stopped while the channel had the message; "
            + "not resent, to avoid sending it twice";

    @Inject
    EntityManager em;

    @Inject
    Time time;

    @Inject
    DispatchSettings settings;

    @Inject
    QuietHours quietHours;

    @Inject
    MessageSender sender;

    @Inject
    DeliveryQueue queue;

    @Inject
    FeedHub feed;

    @Inject
    Event<DispatchRequested> requested;

    private final CoalescingRunner runner = new CoalescingRunner(this::dispatchDue);
    private volatile ExecutorService senders;
    private volatile Semaphore slots;
    private volatile boolean moreDue;

    @jakarta.annotation.PostConstruct
    void init() {
        slots = new Semaphore(settings.concurrency());
    }

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

    void onStop(@Observes ShutdownEvent stop) {
        if (senders != null) {
            senders.shutdown();
        }
    }

    /**
     * Claims as many due messages as there are free senders and hands them over; returns how many. It does not wait
     * for them: a slow SMTP conversation holds up one sender, not the rest. A sender that finishes while more may be
     * due asks for another pass.
     */
    public int dispatchDue() {
        try {
            int total = 0;
            while (true) {
                int wanted = Math.min(slots.availablePermits(), settings.batchSize());
                if (wanted == 0) {
                    moreDue = true;
                    return total;
                }
                List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> claimBatch(wanted));
                moreDue = claimed.size() == wanted;
                for (UUID id : claimed) {
                    slots.acquireUninterruptibly();
                    senders().execute(() -> {
                        try {
                            deliver(id);
                        } finally {
                            slots.release();
                            if (moreDue) {
                                runner.request();
                            }
                        }
                    });
                }
                total += claimed.size();
                if (!moreDue) {
                    return total;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("dispatch pass failed: %s", e.getClass().getSimpleName());
            return 0;
        }
    }

    private ExecutorService senders() {
        if (senders == null) {
            synchronized (this) {
                if (senders == null) {
                    senders = Executors.newFixedThreadPool(settings.concurrency(), r -> {
                        Thread t = new Thread(r, "notification-sender");
                        t.setDaemon(true);
                        return t;
                    });
                }
            }
        }
        return senders;
    }

    /**
     * Claims due messages in a short transaction: SENDING, leased for a while. Rows another replica holds are
     * skipped; a family message in quiet hours is put back until the morning; a lease that ran out is taken up
     * again only if its message never reached the channel.
     */
    private List<UUID> claimBatch(int limit) {
        OffsetDateTime now = time.now();
        List<Delivery> due = em.createQuery("""
                        from Delivery where status in (:queued, :failed, :sending) and nextAttemptAt <= :now
                        order by urgent desc, nextAttemptAt""", Delivery.class)
                .setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("failed", DeliveryStatus.FAILED)
                .setParameter("sending", DeliveryStatus.SENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        List<UUID> claimed = new java.util.ArrayList<>();
        for (Delivery delivery : due) {
            if (delivery.status == DeliveryStatus.SENDING && delivery.handedOverAt != null) {
                delivery.status = DeliveryStatus.DEAD_LETTERED;
                delivery.statusReason = OUTCOME_UNKNOWN;
                LOG.errorf("message %s: %s", delivery.id, OUTCOME_UNKNOWN);
                continue;
            }
            Optional<OffsetDateTime> held = quietHours.holdUntil(delivery, now);
            if (held.isPresent()) {
                delivery.status = DeliveryStatus.QUEUED;
                delivery.statusReason = "held for quiet hours";
                delivery.nextAttemptAt = held.get();
                continue;
            }
            delivery.status = DeliveryStatus.SENDING;
            delivery.attempts++;
            delivery.nextAttemptAt = now.plus(settings.sendingLease());
            claimed.add(delivery.id);
        }
        return claimed;
    }

    /** Prepares one claimed message, hands it to its channel outside any transaction, then records how it went. */
    private void deliver(UUID id) {
        try {
            Delivery delivery = QuarkusTransaction.requiringNew().call(() -> em.find(Delivery.class, id));
            Outgoing outgoing;
            try {
                outgoing = sender.prepare(delivery);
            } catch (RecipientUnavailableException e) {
                record(id, DeliveryStatus.SUPPRESSED, e.getMessage());
                return;
            } catch (RuntimeException e) {
                record(id, DeliveryStatus.FAILED, kinds(e));
                return;
            }
            switch (outgoing) {
                case Outgoing.Addressed addressed -> QuarkusTransaction.requiringNew().run(() -> {
                    addressed.messages().forEach(queue::queue);
                    apply(id, DeliveryStatus.SENT, "addressed to " + addressed.messages().size() + " recipient(s)");
                });
                case Outgoing.InApp inApp -> {
                    Delivery shown = QuarkusTransaction.requiringNew().call(() -> {
                        Delivery d = apply(id, DeliveryStatus.SENT, null);
                        if (d != null) {
                            d.title = inApp.title();
                            d.body = inApp.body();
                        }
                        return d;
                    });
                    if (shown != null) {
                        feed.publish(shown.organisation, shown.staffUserId, shown.staffUserName, FeedItem.of(shown));
                    }
                }
                case Outgoing.HandOver handOver -> {
                    if (!QuarkusTransaction.requiringNew().call(() -> markHandedOver(id))) {
                        return;
                    }
                    try {
                        handOver.handOver();
                    } catch (RuntimeException e) {
                        record(id, DeliveryStatus.FAILED, kinds(e));
                        return;
                    }
                    record(id, DeliveryStatus.SENT, null);
                }
            }
        } catch (RuntimeException e) {
            // the database went away mid-way: the lease runs out and the message is taken up again (see class doc)
            LOG.warnf("message %s: could not finish (%s)", id, e.getClass().getSimpleName());
        }
    }

    /** The failure's kinds down its causes (e.g. "CompletionException < ConnectException"): no messages, which may hold addresses. */
    static String kinds(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause() && text.length() < 150; cause = cause.getCause()) {
            text.append(" < ").append(cause.getClass().getSimpleName());
        }
        return text.toString();
    }

    /** Commits that the message is about to leave; false if this claim was lost meanwhile (lease ran out). */
    private boolean markHandedOver(UUID id) {
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.status != DeliveryStatus.SENDING) {
            return false;
        }
        delivery.handedOverAt = time.now();
        return true;
    }

    private void record(UUID id, DeliveryStatus outcome, String reason) {
        QuarkusTransaction.requiringNew().run(() -> apply(id, outcome, reason));
    }

    private Delivery apply(UUID id, DeliveryStatus outcome, String reason) {
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        boolean lateButSent = delivery != null && outcome == DeliveryStatus.SENT
                && delivery.status == DeliveryStatus.DEAD_LETTERED && OUTCOME_UNKNOWN.equals(delivery.statusReason);
        if (delivery == null || (delivery.status != DeliveryStatus.SENDING && !lateButSent)) {
            return null;
        }
        OffsetDateTime now = time.now();
        switch (outcome) {
            case SENT -> {
                delivery.status = DeliveryStatus.SENT;
                delivery.statusReason = reason;
                delivery.sentAt = now;
            }
            case SUPPRESSED -> {
                delivery.status = DeliveryStatus.SUPPRESSED;
                delivery.statusReason = reason;
            }
            default -> {
                delivery.handedOverAt = null; // the channel refused it: nothing was sent, so a retry is safe
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
        return delivery;
    }

    private Duration backoff(int attempts) {
        Duration wait = settings.firstRetryAfter().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait;
    }

    record DispatchRequested() {
    }
}
