package org.safesessions.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.safesessions.kit.work.CoalescingRunner;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox events to Kafka and marks them sent. Runs right after a writing transaction commits and on a
 * short schedule as a safety net (events written while Kafka was down, or by another replica). A transaction-scoped
 * advisory lock lets one replica relay at a time, in write order ({@code seq}); an event is marked sent only after
 * Kafka acknowledged it, so a crash in between can only repeat it — consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    EventProducer producer;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<RelayRequested> relayRequested;

    private final CoalescingRunner runner = new CoalescingRunner(this::relayPending);

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        relayRequested.fireAsync(new RelayRequested());
    }

    void onRequested(@ObservesAsync RelayRequested request) {
        runner.request();
    }

    @Scheduled(every = "${safesessions.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        runner.request();
    }

    @Scheduled(every = "1h", delayed = "1m")
    void removeOldPublished() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(config.keepPublished());
        QuarkusTransaction.requiringNew().run(() ->
                OutboxMessage.delete("publishedAt is not null and publishedAt < ?1", before));
    }

    /** Sends pending events until none are left or Kafka stops acknowledging. Returns how many were sent. */
    int relayPending() {
        try {
            int total = 0;
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
                total += sent;
            } while (sent == config.batchSize());
            return total;
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed: %s", e.getClass().getSimpleName());
            return 0;
        }
    }

    private int relayBatch() {
        // One relay at a time across replicas, so events leave in the order they were written (per key and overall).
        Boolean relaying = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('safesessions.outbox-relay'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(relaying)) {
            return 0; // another replica is relaying
        }
        List<OutboxMessage> batch = em.createQuery(
                        "from OutboxMessage where publishedAt is null order by seq", OutboxMessage.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            Future<RecordMetadata> ack = producer.send(message.topic, message.aggregateId, message.envelope);
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break; // Kafka unreachable: stop here rather than block once per remaining event
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        int sent = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < acks.size(); i++) {
            OutboxMessage message = batch.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                message.publishedAt = now;
                message.lastError = null;
                sent++;
            } catch (Exception e) {
                // keep order: nothing after an unacknowledged event is marked sent in this pass
                for (int j = i; j < batch.size(); j++) {
                    batch.get(j).attempts++;
                }
                message.lastError = truncate(e.getClass().getSimpleName());
                LOG.warnf("Kafka did not acknowledge event %s (%s); %d events wait in the outbox",
                        message.id, message.eventType, batch.size() - i);
                break;
            }
        }
        return sent; // fewer than a full batch ends the pass
    }

    private static boolean failed(Future<RecordMetadata> ack) {
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
