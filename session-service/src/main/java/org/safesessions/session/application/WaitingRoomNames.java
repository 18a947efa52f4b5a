package org.safesessions.session.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.safesessions.kit.time.Time;
import org.safesessions.session.domain.MeetingSecrets;
import org.safesessions.session.domain.WaitingRoomEntry;

import java.util.List;

/**
 * The names typed into sessions' Zoom waiting rooms: a stranger's free text, needed only while facilitators decide
 * whom to admit and for a while after. Each pass deletes the entries of sessions that ended more than
 * {@code safesessions.waiting-room.retention} ago (P30D), and seals any plain name left from before V13 (the keys are
 * the running service's, so V13 could not). Replicas may both run a pass: deleting and sealing again change nothing.
 */
@ApplicationScoped
public class WaitingRoomNames {

    private static final Logger LOG = Logger.getLogger(WaitingRoomNames.class);
    static final int BATCH = 200;

    @Inject
    Time time;

    @Inject
    WaitingRoomConfig config;

    @Inject
    MeetingSecrets secrets;

    @Scheduled(every = "${safesessions.waiting-room.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int sealed = sealPlainNames();
        int purged = purge();
        if (sealed > 0 || purged > 0) {
            LOG.infof("waiting room: %d names from before V13 sealed, %d entries past %s deleted", sealed, purged,
                    config.retention());
        }
    }

    /** Deletes the entries of sessions that ended more than the retention ago; how many. */
    public int purge() {
        return QuarkusTransaction.requiringNew().call(() ->
                WaitingRoomEntry.deleteOfSessionsEndedBefore(time.now().minus(config.retention())));
    }

    /** Seals every plain name left from before V13, a batch per transaction; how many. */
    public int sealPlainNames() {
        int sealed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<WaitingRoomEntry> entries = WaitingRoomEntry.withPlainNames(BATCH);
                entries.forEach(entry -> entry.name(secrets.sealDisplayName(entry.key,
                        WaitingRoomEntry.asKept(entry.plainDisplayName))));
                return entries.size();
            });
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }
}
