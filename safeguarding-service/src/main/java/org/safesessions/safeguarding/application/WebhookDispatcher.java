package org.safesessions.safeguarding.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.domain.CouncilWebhook;
import org.safesessions.safeguarding.domain.WebhookAttempt;
import org.safesessions.safeguarding.domain.WebhookDelivery;
import org.safesessions.safeguarding.client.WebhookSignature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Pushes queued escalations to councils' webhooks until each is accepted (a 2xx). Each pass claims due deliveries
 * with {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas never send the same one at once, then sends
 * outside any transaction, then records the attempt. A failure waits {@code first-retry}, doubling up to
 * {@code max-retry}: a council's endpoint that is down is retried for as long as it takes.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;

    @Inject
    EntityManager em;

    @Inject
    Time time;

    @Inject
    FieldCipher cipher;

    @Inject
    SafeguardingSettings settings;

    private HttpClient http;

    @Scheduled(every = "${safeguarding.webhooks.dispatch-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        dispatchDue();
    }

    /** Sends every delivery that is due now; returns how many were delivered in this pass. */
    public int dispatchDue() {
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
        int delivered = 0;
        for (UUID id : claimed) {
            if (attempt(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claimDue() {
        OffsetDateTime now = time.now();
        List<UUID> ids = em.createNativeQuery("""
                        select id from webhook_delivery where delivered_at is null and next_attempt_at <= ?1
                        order by next_attempt_at limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        // The lease: no other pass picks these up while this one is sending.
        OffsetDateTime lease = now.plus(settings.webhooks().timeout().multipliedBy(3));
        for (UUID id : ids) {
            WebhookDelivery d = em.find(WebhookDelivery.class, id);
            d.nextAttemptAt = lease;
        }
        return ids;
    }

    private boolean attempt(UUID deliveryId) {
        record Target(WebhookDelivery delivery, String url, String secret) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
            CouncilWebhook webhook = CouncilWebhook.findById(d.council);
            return webhook == null ? new Target(d, null, null)
                    : new Target(d, webhook.url, cipher.open(webhook.secret(), webhook.secretBinding()));
        });
        OffsetDateTime attemptedAt = time.now();
        long started = System.nanoTime();
        Integer status = null;
        String outcome;
        if (target.url() == null) {
            outcome = WebhookAttempt.UNREACHABLE; // the council removed its webhook: keep it for when it registers again
        } else {
            try {
                long timestamp = attemptedAt.toEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                        .timeout(settings.webhooks().timeout())
                        .header("Content-Type", "application/json")
                        .header(WebhookSignature.DELIVERY_HEADER, deliveryId.toString())
                        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                        .header(WebhookSignature.SIGNATURE_HEADER,
                                WebhookSignature.sign(target.secret(), timestamp, target.delivery().payload))
                        .POST(HttpRequest.BodyPublishers.ofString(target.delivery().payload))
                        .build();
                status = http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                outcome = status / 100 == 2 ? WebhookAttempt.DELIVERED : WebhookAttempt.REFUSED;
            } catch (java.io.IOException | IllegalArgumentException e) {
                outcome = WebhookAttempt.UNREACHABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = WebhookAttempt.UNREACHABLE;
            }
        }
        int durationMs = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        Integer finalStatus = status;
        String finalOutcome = outcome;
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, attemptedAt, finalStatus, finalOutcome, durationMs));
        if (!WebhookAttempt.DELIVERED.equals(outcome)) {
            LOG.warnf("webhook delivery %s to council %s: %s (%s)", deliveryId, target.delivery().council, outcome,
                    status == null ? "no answer" : status);
        }
        return WebhookAttempt.DELIVERED.equals(outcome);
    }

    private void record(UUID deliveryId, OffsetDateTime at, Integer status, String outcome, int durationMs) {
        WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryId = deliveryId;
        a.attemptedAt = at;
        a.statusCode = status;
        a.outcome = outcome;
        a.durationMs = durationMs;
        a.persist();
        d.attempts++;
        d.lastStatus = status;
        d.lastOutcome = outcome;
        if (WebhookAttempt.DELIVERED.equals(outcome)) {
            d.deliveredAt = time.now();
        } else {
            d.nextAttemptAt = time.now().plus(backoff(d.attempts));
        }
    }

    /** first-retry × 2^(failures − 1), at most max-retry. */
    Duration backoff(int failures) {
        Duration wait = settings.webhooks().firstRetry();
        for (int i = 1; i < failures && wait.compareTo(settings.webhooks().maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.webhooks().maxRetry()) > 0 ? settings.webhooks().maxRetry() : wait;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(settings.webhooks().timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }
}
