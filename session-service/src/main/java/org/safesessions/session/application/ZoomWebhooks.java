package org.safesessions.session.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.kit.time.Time;
import org.safesessions.session.domain.WebhookReceipt;

/** The receipts of Zoom's signed webhooks: a signature accepted once changes nothing the second time. */
@ApplicationScoped
public class ZoomWebhooks {

    @Inject
    Time time;

    /** Records the signature; false when it was accepted already (a replay or a redelivery). */
    public boolean firstReceipt(String signature) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookReceipt.record(signature, time.now()));
    }

    /** Receipts older than the signature window can go: their timestamps are refused anyway. */
    @Scheduled(every = "10m")
    void pruneReceipts() {
        QuarkusTransaction.requiringNew().run(() -> WebhookReceipt.pruneBefore(time.now().minusMinutes(15)));
    }
}
