package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A signed webhook already accepted: the same signature again (a replay within the five-minute window, or Zoom
 * redelivering) changes nothing. Older receipts are pruned: their timestamps are refused anyway.
 */
@Entity
@Table(name = "zoom_webhook_receipt")
public class WebhookReceipt extends PanacheEntityBase {

    @Id
    public String signature;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** Records an accepted signature; false when it was recorded already. */
    public static boolean record(String signature, OffsetDateTime at) {
        return getEntityManager().createNativeQuery(
                        "insert into zoom_webhook_receipt (signature, received_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, signature).setParameter(2, at).executeUpdate() == 1;
    }

    public static long pruneBefore(OffsetDateTime cutoff) {
        return delete("receivedAt < ?1", cutoff);
    }
}
