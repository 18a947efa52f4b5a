package org.safesessions.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;

/**
 * Purges processed-event records older than {@code safesessions.inbox.processed-retention} (SPEC §7), in batches of
 * {@code purge-batch-size}, each in a transaction of its own. Their events have long left Kafka, so nothing can be
 * redelivered that a record would have to stop.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);

    @Inject
    EntityManager em;

    @Inject
    Time time;

    @Inject
    InboxConfig config;

    @Scheduled(every = "${safesessions.inbox.purge-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    /** Deletes every record past the retention, a batch at a time; returns how many. */
    public long purge() {
        OffsetDateTime before = time.now().minus(config.processedRetention());
        int batch = config.purgeBatchSize();
        long purged = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            delete from processed_event where ctid in (
                                select ctid from processed_event where processed_at < ?1 limit ?2)""")
                    .setParameter(1, before)
                    .setParameter(2, batch)
                    .executeUpdate());
            purged += deleted;
        } while (deleted == batch);
        if (purged > 0) {
            LOG.infof("purged %d processed-event records older than %s", purged, config.processedRetention());
        }
        return purged;
    }
}
