package org.safesessions.kit.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An event a consumer could not apply and parked, with the kind of error: visible, and replayable. */
@Entity
@Table(name = "failed_event")
public class FailedEvent extends PanacheEntityBase {

    @EmbeddedId
    public ProcessedEvent.Key key;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String envelope;

    @Column(nullable = false)
    public String error;

    @Column(name = "failed_at", nullable = false)
    public OffsetDateTime failedAt;
}
