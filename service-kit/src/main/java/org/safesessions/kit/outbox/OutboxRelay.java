package org.safesessions.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.kit.time.Time;
import org.safesessions.kit.work.Backoff;
import org.safesessions.kit.work.DueWork;
import org.safesessions.kit.work.DueWorker;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Publishes outbox events to Kafka and marks them sent: a {@link DueWork} run by a sequential {@link DueWorker},
 * right after a writing transaction commits and every {@code poll-interval} as a safety net (events written while
 * Kafka was down, or by another replica).
 * <ol>
 * <li><b>Claim</b>, in a short transaction: under a transaction-scoped advisory lock, and only if no lease or backoff
 * is live on the oldest pending event, take the oldest pending events in write order ({@code seq}) and lease them
 * ({@code next_attempt_at}). So one replica relays at a time, and events leave in the order they were written.</li>
 * <li><b>Send</b> the whole batch, then await Kafka's acknowledgements, holding no transaction and no lock.</li>
 * <li><b>Record</b>, in a transaction of its own: the acknowledged events, up to the first that was not, as published;
 * that one and everything after it get {@code attempts + 1} and are due again after a {@link Backoff}. An event is
 * marked published only after Kafka acknowledged it, so a crash in between can only repeat it: consumers are
 * idempotent.</li>
 * </ol>
 * Leases and backoffs are compared across replicas, so they are read from the database's clock, not the service's
 * {@code Clock} (which tests move by years).
 */
@ApplicationScoped
public class OutboxRelay implements DueWork<OutboxRelay.PendingEvent> {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    EventProducer producer;

    @Inject
    OutboxConfig config;

    @Inject
    Time time;

    @Inject
    Event<RelayRequested> relayRequested;

    private DueWorker<PendingEvent> worker;
    private Backoff backoff;

    /** What a claim hands to the send: a snapshot, so that sending needs no entity and no transaction. */
    public record PendingEvent(UUID id, long seq, String eventType, String topic, String key, String envelope,
                               int attempts, OffsetDateTime leasedUntil) {
    }

    @PostConstruct
    void init() {
        backoff = new Backoff(config.pollInterval(), config.maxBackoff());
        worker = DueWorker.sequential("outbox relay", this, config.batchSize());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        relayRequested.fireAsync(new RelayRequested());
    }

    void onRequested(@ObservesAsync RelayRequested request) {
        worker.request();
    }

    @Scheduled(every = "${safesessions.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        worker.request();
    }

    @Scheduled(every = "1h", delayed = "1m")
    void removeOldPublished() {
        OffsetDateTime before = time.now().minus(config.keepPublished());
        QuarkusTransaction.requiringNew().run(() ->
                OutboxMessage.delete("publishedAt is not null and publishedAt < ?1", before));
    }

    /** Runs a relay pass now, on this thread: sends what is due until nothing is, or Kafka stops acknowledging. */
    public int relayPending() {
        return worker.pass();
    }

    /**
     * The oldest pending events, leased for this pass; none while another replica relays, while a lease on the
     * oldest is live, or while they back off after Kafka failed them.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<PendingEvent> claim(int limit) {
        Boolean relaying = (Boolean) em.createNativeQuery(
                        "select pg_try_advisory_xact_lock(hashtext('safesessions.outbox-relay'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(relaying)) {
            return List.of(); // another replica is claiming right now
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select id, seq, event_type, topic, aggregate_id, envelope, attempts,
                               coalesce(next_attempt_at <= now(), true)
                        from outbox_message where published_at is null order by seq limit ?1""")
                .setParameter(1, limit)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        OffsetDateTime leasedUntil = (OffsetDateTime) em.createNativeQuery(
                        "select now() + make_interval(secs => ?1)", OffsetDateTime.class)
                .setParameter(1, lease().toMillis() / 1000.0)
                .getSingleResult();
        List<PendingEvent> batch = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (!Boolean.TRUE.equals(row[7])) {
                break; // leased by a pass in flight, or backing off: nothing from here on may overtake it
            }
            batch.add(new PendingEvent((UUID) row[0], ((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3], (String) row[4], (String) row[5], ((Number) row[6]).intValue(), leasedUntil));
        }
        if (!batch.isEmpty()) {
            em.createNativeQuery("update outbox_message set next_attempt_at = ?1 where id in (?2)")
                    .setParameter(1, leasedUntil)
                    .setParameter(2, batch.stream().map(PendingEvent::id).toList())
                    .executeUpdate();
        }
        return batch;
    }

    /** How long a claimed batch is this pass's own: well past the longest a pass takes to send and await it. */
    Duration lease() {
        return config.sendTimeout().multipliedBy(2).plusSeconds(10);
    }

    @Override
    public void perform(PendingEvent event) {
        performAll(List.of(event));
    }

    /** Sends the whole batch, awaits the acknowledgements in order, then records the outcome. */
    @Override
    public void performAll(List<PendingEvent> batch) {
        List<Future<?>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            Future<?> ack;
            try {
                ack = producer.send(event.topic(), event.key(), event.envelope());
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break; // Kafka unreachable: stop here rather than block once per remaining event
            }
        }
        RelayOutcome outcome = RelayOutcome.await(acks, batch.size(), System.nanoTime() + config.sendTimeout().toNanos());
        QuarkusTransaction.requiringNew().run(() -> record(batch, outcome));
    }

    private void record(List<PendingEvent> batch, RelayOutcome outcome) {
        List<UUID> published = batch.subList(0, outcome.acknowledged()).stream().map(PendingEvent::id).toList();
        if (!published.isEmpty()) {
            em.createNativeQuery("""
                            update outbox_message set published_at = ?1, last_error = null, next_attempt_at = null
                            where id in (?2)""")
                    .setParameter(1, time.now())
                    .setParameter(2, published)
                    .executeUpdate();
        }
        if (outcome.complete(batch.size())) {
            return;
        }
        // Keep order: nothing after an unacknowledged event is marked sent in this pass; all of it waits and goes again.
        // Only while the lease is still this pass's: had it run out and another pass claimed the events, that pass's
        // lease stands (a backoff written over it would let a third pass start while that one is in flight).
        PendingEvent failed = batch.get(outcome.acknowledged());
        List<UUID> waiting = batch.subList(outcome.acknowledged(), batch.size()).stream().map(PendingEvent::id).toList();
        Duration wait = backoff.after(failed.attempts() + 1);
        em.createNativeQuery("""
                        update outbox_message set attempts = attempts + 1,
                               next_attempt_at = now() + make_interval(secs => ?1),
                               last_error = case when id = ?2 then ?3 else last_error end
                        where id in (?4) and published_at is null and next_attempt_at = ?5""")
                .setParameter(1, wait.toMillis() / 1000.0)
                .setParameter(2, failed.id())
                .setParameter(3, truncate(outcome.error()))
                .setParameter(4, waiting)
                .setParameter(5, failed.leasedUntil())
                .executeUpdate();
        LOG.warnf("Kafka did not acknowledge event %s (%s: %s); %d events wait in the outbox, next try in %d ms",
                failed.id(), failed.eventType(), outcome.error(), waiting.size(), wait.toMillis());
    }

    private static boolean failed(Future<?> ack) {
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    record RelayRequested() {
    }
}
