package org.safesessions.notification.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
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
import org.safesessions.kit.work.Backoff;
import org.safesessions.kit.work.DueRows;
import org.safesessions.kit.work.DueWork;
import org.safesessions.kit.work.DueWorker;
import org.safesessions.notification.client.MessageSender;
import org.safesessions.notification.client.Outgoing;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryQueue;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.FeedPositions;
import org.safesessions.notification.domain.MessageRequest;
import org.safesessions.notification.domain.MessageRefusedException;
import org.safesessions.notification.domain.QuietHours;
import org.safesessions.notification.domain.RecipientUnavailableException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Sends due messages: the {@link DueWork} of delivery records, run by a concurrent {@link DueWorker} (up to
 * {@code concurrency} messages in flight, so a slow SMTP conversation holds up one sender, not the rest).
 * <p>
 * Each is claimed in a short transaction with {@code FOR UPDATE SKIP LOCKED} ({@link DueRows}), so two replicas never
 * take the same message, and leased ({@link Delivery#claim}); it is sent outside any transaction, then its outcome is
 * recorded on the delivery ({@link Delivery#sent}, {@link Delivery#suppressed}, {@link Delivery#failed}; the "sent"
 * ones several to a transaction, {@link SentOutcomes}). Just before a message is handed to SMTP or the SMS provider,
 * that is committed ({@link Delivery#handedOver}): a lease that runs out after it means the outcome is unknown, and
 * the message is dead-lettered rather than resent (see {@link Delivery}). The window is the milliseconds of one SMTP
 * conversation and of writing its outcome, and urgent staff alerts also go to the in-app feed, which is written in the
 * same transaction as its record and so is never ambiguous. Each email carries a Message-ID derived
 * from the delivery id, so a manual retry of a message that did arrive is recognisably the same message.
 * <p>
 * Failures back off exponentially ({@link Backoff}) and end dead-lettered. Family messages due in quiet hours wait
 * for the morning.
 */
@ApplicationScoped
public class Dispatcher implements DueWork<Delivery> {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** Due: waiting, failed and due for a retry, or claimed but its lease ran out. */
    private static final String DUE = "status in ('QUEUED', 'FAILED', 'SENDING') and next_attempt_at <= ?1";
    /** Urgent first, then the longest due. */
    private static final String ORDER = "urgent desc, next_attempt_at";

    /** Dead-lettered deliveries, by channel: what the NotificationDeadLettered alert watches (k8s/README.md). */
    static final String DEAD_LETTERED = "safesessions.notification.dead.lettered";

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

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
    FeedPositions feedPositions;

    @Inject
    SentOutcomes sentOutcomes;

    @Inject
    Event<DispatchRequested> requested;

    private DueWorker<Delivery> worker;
    private Backoff backoff;

    @PostConstruct
    void init() {
        backoff = new Backoff(settings.firstRetryAfter(), settings.maxRetryAfter());
        worker = DueWorker.concurrent("notification-sender", this, settings.batchSize(), settings.concurrency());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueue.Queued queued) {
        requested.fireAsync(new DispatchRequested());
    }

    void onRequested(@ObservesAsync DispatchRequested request) {
        worker.request();
    }

    @Scheduled(every = "${notification.dispatch.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        sentOutcomes.flush(); // any a failed write put back
        worker.request();
    }

    void onStop(@Observes ShutdownEvent stop) {
        worker.stop();
        sentOutcomes.flush();
    }

    /**
     * Claims up to {@code limit} due messages, oldest first but urgent ones before all: rows another replica holds are
     * skipped; a family message in quiet hours is put back until the morning; a lease that ran out is taken up again
     * only if its message never reached the channel. Each claimed delivery is handed to {@link #perform} as the claim
     * leased it, so sending it reads nothing again until its outcome is recorded (on the row, locked afresh).
     */
    @Override
    public List<Delivery> claim(int limit) {
        OffsetDateTime now = time.now();
        List<UUID> due = DueRows.claim(em, "delivery", DUE, ORDER, limit, now);
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, Delivery> rows = em.createQuery("from Delivery where id in :ids", Delivery.class)
                .setParameter("ids", due).getResultStream().collect(Collectors.toMap(d -> d.id, d -> d));
        List<Delivery> claimed = new ArrayList<>();
        for (UUID id : due) {
            switch (rows.get(id).claim(now, settings.sendingLease(), quietHours)) {
                case CLAIMED -> claimed.add(rows.get(id));
                case OUTCOME_UNKNOWN -> {
                    LOG.errorf("message %s: %s", id, Delivery.OUTCOME_UNKNOWN);
                    deadLettered(rows.get(id));
                }
                case HELD -> { }
            }
        }
        return claimed;
    }

    /** Prepares one claimed message, hands it to its channel outside any transaction, then records how it went. */
    @Override
    public void perform(Delivery delivery) {
        send(delivery, null);
    }

    /**
     * {@link #perform}, with what {@code looked} holds: a family member's message sent straight after its family
     * message was addressed, with the contacts and the template that addressing read a moment before.
     */
    private void send(Delivery delivery, MessageSender.Looked looked) {
        UUID id = delivery.id;
        try {
            Outgoing outgoing;
            try {
                outgoing = sender.prepare(delivery, looked);
            } catch (RecipientUnavailableException e) {
                record(id, d -> d.suppressed(e.getMessage()));
                return;
            } catch (RuntimeException e) {
                failed(id, kinds(e));
                return;
            }
            switch (outgoing) {
                case Outgoing.Addressed addressed -> addressed(id, addressed);
                case Outgoing.InApp inApp -> {
                    Delivery shown = QuarkusTransaction.requiringNew().call(() -> {
                        Delivery d = outcome(id, row -> row.shown(time.now(), inApp.title(), inApp.body()));
                        if (d != null) {
                            feedPositions.place(d); // in this transaction: the recipient's places commit in order
                        }
                        return d;
                    });
                    if (shown != null) {
                        feed.shown(shown.organisation, shown.feedOwner());
                    }
                }
                case Outgoing.HandOver handOver -> {
                    if (QuarkusTransaction.requiringNew().call(() -> outcome(id, d -> d.handedOver(time.now()))) == null) {
                        return; // this claim was lost meanwhile (its lease ran out)
                    }
                    try {
                        handOver.handOver();
                    } catch (MessageRefusedException e) {
                        record(id, d -> d.refused(e.getMessage()));
                        LOG.warnf("message %s refused by its channel (%s)", id, e.getMessage());
                        return;
                    } catch (RuntimeException e) {
                        failed(id, kinds(e));
                        return;
                    }
                    sentOutcomes.sent(id, time.now());
                }
            }
        } catch (RuntimeException e) {
            // the database went away mid-way: the lease runs out and the message is taken up again (see class doc)
            LOG.warnf("message %s: could not finish (%s)", id, e.getClass().getSimpleName());
        }
    }

    /**
     * Queues a family message's messages in its place. A family's are claimed in the same transaction, and sent at
     * once on this thread with the contacts the addressing has just looked up and the template it read: the guardian's
     * message does not wait for a pass, nor look them up again a moment later. One held for quiet hours waits as any other; one that fails
     * is retried later, with its contacts looked up afresh.
     */
    private void addressed(UUID id, Outgoing.Addressed addressed) {
        SendNow now = QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime at = time.now();
            Delivery family = outcome(id, d -> d.sent(at, "addressed to " + addressed.messages().size()
                    + " recipient(s)"));
            boolean applied = family != null;
            // a family's messages go now; staff ones (no contacts), or those of a claim lost meanwhile, wait for a pass
            boolean sendNow = applied && addressed.contacts() != null;
            List<Delivery> claimed = new ArrayList<>();
            for (MessageRequest message : addressed.messages()) {
                Optional<UUID> queued = queue.queueNew(message);
                if (sendNow && queued.isPresent()) {
                    Delivery member = em.find(Delivery.class, queued.get());
                    if (member.claim(at, settings.sendingLease(), quietHours) == Delivery.Claim.CLAIMED) {
                        claimed.add(member);
                    }
                }
            }
            // the members' template in force, read here rather than in a transaction of its own for each message
            return claimed.isEmpty() ? SendNow.NOTHING : new SendNow(claimed,
                    new MessageSender.Looked(addressed.contacts(), sender.templateInForce(family)));
        });
        now.members().forEach(member -> send(member, now.looked()));
    }

    /** A family's messages claimed by its addressing, and what it read for sending them. */
    private record SendNow(List<Delivery> members, MessageSender.Looked looked) {
        static final SendNow NOTHING = new SendNow(List.of(), null);
    }

    /** The failure's kinds down its causes (e.g. "CompletionException < ConnectException"): no messages, which may hold addresses. */
    static String kinds(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause() && text.length() < 150; cause = cause.getCause()) {
            text.append(" < ").append(cause.getClass().getSimpleName());
        }
        return text.toString();
    }

    private void failed(UUID id, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = outcome(id, d -> d.failed(reason, time.now(), settings.maxAttempts(), backoff));
            if (delivery == null) {
                return;
            }
            if (delivery.status == DeliveryStatus.DEAD_LETTERED) {
                LOG.errorf("message %s dead-lettered after %d attempts (%s)", id, delivery.attempts, reason);
                deadLettered(delivery);
            } else {
                LOG.warnf("message %s attempt %d failed (%s); next at %s", id, delivery.attempts, reason,
                        delivery.nextAttemptAt);
            }
        });
    }

    private void deadLettered(Delivery delivery) {
        Counter.builder(DEAD_LETTERED).tag("channel", delivery.channel.name()).register(meters).increment();
    }

    private void record(UUID id, Predicate<Delivery> outcome) {
        QuarkusTransaction.requiringNew().run(() -> outcome(id, outcome));
    }

    /** Applies {@code outcome} to the locked delivery; the delivery if it applied, null if the claim was lost. */
    private Delivery outcome(UUID id, Predicate<Delivery> outcome) {
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        return delivery != null && outcome.test(delivery) ? delivery : null;
    }

    record DispatchRequested() {
    }
}
