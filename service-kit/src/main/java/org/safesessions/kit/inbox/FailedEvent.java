package org.safesessions.kit.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An event a consumer could not apply and parked, with the kind of error: visible to ops, who replay it through the
 * consumer's handler or discard it with a reason (SPEC §7). The row stays as the record of what was done; it is
 * parked while neither has happened.
 */
@Entity
@Table(name = "failed_event")
public class FailedEvent extends PanacheEntityBase {

    private static final String PARKED = "replayedAt is null and discardedAt is null";

    @EmbeddedId
    public ProcessedEvent.Key key;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The CloudEvent as it arrived: ids, codes and times, yet never shown to ops (the list shows none of it). */
    @Column(nullable = false)
    public String envelope;

    /** The last failure's class, and for the inbox's own unreadable-event messages why. */
    @Column(nullable = false)
    public String error;

    /** When it last failed: parked, or a replay that failed again. */
    @Column(name = "failed_at", nullable = false)
    public OffsetDateTime failedAt;

    /** Tries so far: before it was parked, plus each failed replay. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "replayed_at")
    public OffsetDateTime replayedAt;

    @Column(name = "replayed_by")
    public String replayedBy;

    @Column(name = "discarded_at")
    public OffsetDateTime discardedAt;

    @Column(name = "discarded_by")
    public String discardedBy;

    @Column(name = "discard_reason")
    public String discardReason;

    /** The last failure's class alone: never its message, which might quote data. */
    public String errorClass() {
        int colon = error.indexOf(':');
        return colon < 0 ? error : error.substring(0, colon);
    }

    void discard(String by, String reason, OffsetDateTime at) {
        discardedAt = at;
        discardedBy = by;
        discardReason = reason;
    }

    /** Still parked: neither replayed nor discarded. */
    public static Optional<FailedEvent> findParked(String consumer, String eventId) {
        return find("key = ?1 and " + PARKED, new ProcessedEvent.Key(consumer, eventId)).firstResultOptional();
    }

    /** One page of the parked events of every consumer, the most recent failure first. */
    public static List<FailedEvent> parked(int page, int size) {
        return find(PARKED, Sort.descending("failedAt").and("key.consumer").and("key.eventId")).page(page, size).list();
    }

    public static long countParked() {
        return count(PARKED);
    }

    public static long countParked(String consumer) {
        return count("key.consumer = ?1 and " + PARKED, consumer);
    }

    /** The consumers that have ever parked an event (for their gauges after a restart). */
    public static List<String> consumers() {
        return getEntityManager().createQuery("select distinct f.key.consumer from FailedEvent f", String.class)
                .getResultList();
    }

    static void markReplayed(String consumer, String eventId, String by, OffsetDateTime at) {
        update("replayedAt = ?1, replayedBy = ?2 where key = ?3 and " + PARKED, at, by,
                new ProcessedEvent.Key(consumer, eventId));
    }

    /** A replay failed: one more attempt and the new error; returns the attempts now. */
    static int failedAgain(String consumer, String eventId, String error, OffsetDateTime at) {
        FailedEvent parked = findParked(consumer, eventId).orElseThrow();
        parked.attempts++;
        parked.error = error;
        parked.failedAt = at;
        return parked.attempts;
    }
}
