package org.safesessions.safeguarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.kit.work.Backoff;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One escalation to push to a council's webhook, retried with backoff until the council's endpoint accepts it.
 * The payload carries ids, codes and times only; the council reads the referral itself with its token.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String council;

    @Column(name = "concern_id", nullable = false)
    public UUID concernId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_outcome")
    public String lastOutcome;

    /** A push queued at {@code at}, due at once. */
    public static WebhookDelivery queue(UUID id, String council, UUID concernId, String eventType, String payload,
                                        OffsetDateTime at) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = id;
        d.council = council;
        d.concernId = concernId;
        d.eventType = eventType;
        d.payload = payload;
        d.createdAt = at;
        d.nextAttemptAt = at;
        return d;
    }

    /** Leases the delivery to the pass that claimed it: not due again until {@code until}. */
    public void lease(OffsetDateTime until) {
        nextAttemptAt = until;
    }

    /**
     * Records one try made at {@code at} ({@code status} none: the endpoint was not reached) and what follows, as of
     * {@code now}: delivered on a 2xx, else due again after {@code backoff}'s wait for this many failures.
     */
    public WebhookAttempt attempted(OffsetDateTime at, Integer status, int durationMs, OffsetDateTime now,
                                    Backoff backoff) {
        WebhookAttempt attempt = WebhookAttempt.of(id, at, status, durationMs);
        attempt.persist();
        attempts++;
        lastStatus = status;
        lastOutcome = attempt.outcome;
        if (attempt.delivered()) {
            deliveredAt = now;
        } else {
            nextAttemptAt = now.plus(backoff.after(attempts));
        }
        return attempt;
    }
}
