package org.safesessions.kit.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting to be (or already) published: written in the transaction of the state change it reports. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Write order, assigned by the database; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Not before then does a relay claim it (a pass's lease, or the backoff after Kafka failed it); null: due. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    public static long countUnpublished() {
        return count("publishedAt is null");
    }
}
