package org.safesessions.safeguarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The record of one try at delivering a {@link WebhookDelivery}: when, what the council's endpoint answered. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    public static final String DELIVERED = "DELIVERED";
    public static final String REFUSED = "REFUSED";
    public static final String UNREACHABLE = "UNREACHABLE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    /** An attempt and its outcome: any 2xx delivers, another status is refused, no status is unreachable. */
    public static WebhookAttempt of(UUID deliveryId, OffsetDateTime at, Integer status, int durationMs) {
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryId = deliveryId;
        a.attemptedAt = at;
        a.statusCode = status;
        a.outcome = status == null ? UNREACHABLE : status / 100 == 2 ? DELIVERED : REFUSED;
        a.durationMs = durationMs;
        return a;
    }

    public boolean delivered() {
        return DELIVERED.equals(outcome);
    }
}
