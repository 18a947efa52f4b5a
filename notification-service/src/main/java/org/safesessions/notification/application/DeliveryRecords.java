package org.safesessions.notification.application;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.kit.audit.Access;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.kit.domain.ConflictException;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;

import java.util.UUID;

/**
 * The caller's organisation's delivery records: what was sent to whom (by reference), how it went, and a retry. Every
 * list, read and retry is in the access log (SPEC §3), a family's record under the young person it is about.
 */
@ApplicationScoped
public class DeliveryRecords {

    @Inject
    Caller caller;

    @Inject
    Time time;

    @Inject
    AccessLog accessLog;

    static final String RECORD = "DELIVERY";

    /** Newest first. */
    public Listed<Delivery> list(int page, int size) {
        var query = Delivery.<Delivery>find("organisation", Sort.descending("createdAt").and("id"), caller.organisation());
        Listed<Delivery> listed = new Listed<>(query.page(page, size).list(),
                Delivery.countOfOrganisation(caller.organisation()));
        accessLog.record(caller.organisation(), Access.list(RECORD));
        return listed;
    }

    public Delivery get(UUID id) {
        Delivery d = find(id);
        accessLog.record(caller.organisation(), Access.read(RECORD, d.id).about(d.youngPersonId));
        return d;
    }

    /**
     * A dead-lettered or failed message is queued again now, with a fresh round of attempts (a passing fault on the
     * first of them must not dead-letter it again at once); any other is refused (409).
     */
    @Transactional
    public Delivery retry(UUID id) {
        // one conditional update: a message the dispatcher is sending (or has sent) meanwhile is never re-queued
        int requeued = Delivery.update("status = ?1, statusReason = ?2, nextAttemptAt = ?3, handedOverAt = null, attempts = 0 "
                        + "where id = ?4 and organisation = ?5 and status in (?6, ?7)",
                DeliveryStatus.QUEUED, "retried by " + caller.userName(), time.now(), id,
                caller.organisation(), DeliveryStatus.DEAD_LETTERED, DeliveryStatus.FAILED);
        Delivery d = find(id);
        if (requeued == 0) {
            throw new ConflictException("only-failed-messages-are-retried", "the message is " + d.status);
        }
        accessLog.record(caller.organisation(), Access.change(RECORD, d.id).about(d.youngPersonId).detail("RETRIED"));
        return d;
    }

    private Delivery find(UUID id) {
        return Delivery.<Delivery>find("id = ?1 and organisation = ?2", id, caller.organisation()).firstResultOptional()
                .orElseThrow(() -> new RecordNotFoundException("notification"));
    }
}
