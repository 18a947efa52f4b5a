package org.safesessions.safeguarding.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.time.Time;
import org.safesessions.kit.work.Backoff;
import org.safesessions.kit.work.DueRows;
import org.safesessions.kit.work.DueWork;
import org.safesessions.kit.work.DueWorker;
import org.safesessions.safeguarding.client.CouncilWebhookSender;
import org.safesessions.safeguarding.domain.CouncilWebhook;
import org.safesessions.safeguarding.domain.WebhookAttempt;
import org.safesessions.safeguarding.domain.WebhookDelivery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Pushes queued escalations to councils' webhooks until each is accepted (a 2xx), as the kit's {@link DueWork}: a
 * pass claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and leases them, so replicas never send the same one
 * at once, then sends outside any transaction ({@link CouncilWebhookSender}), then records the attempt
 * ({@link WebhookDelivery#attempted}). A failure waits {@code first-retry}, doubling up to {@code max-retry}
 * ({@link Backoff}): a council's endpoint that is down is retried for as long as it takes.
 */
@ApplicationScoped
public class WebhookDispatcher implements DueWork<UUID> {

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

    @Inject
    CouncilWebhookSender sender;

    private Backoff backoff;
    private DueWorker<UUID> worker;

    @PostConstruct
    void start() {
        backoff = new Backoff(settings.webhooks().firstRetry(), settings.webhooks().maxRetry());
        worker = DueWorker.sequential("council-webhooks", this, BATCH);
    }

    @Scheduled(every = "${safeguarding.webhooks.dispatch-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        worker.request();
    }

    /** Runs a pass now (tests drive it with their clock); returns how many deliveries it attempted. */
    public int dispatchDue() {
        return worker.pass();
    }

    /** Due deliveries, leased past the longest an attempt can take: no other pass picks them up meanwhile. */
    @Override
    public List<UUID> claim(int limit) {
        OffsetDateTime now = time.now();
        List<UUID> ids = DueRows.claim(em, "webhook_delivery", "delivered_at is null and next_attempt_at <= ?1",
                "next_attempt_at", limit, now);
        OffsetDateTime lease = now.plus(settings.webhooks().timeout().multipliedBy(3));
        for (UUID id : ids) {
            em.find(WebhookDelivery.class, id).lease(lease);
        }
        return ids;
    }

    @Override
    public void perform(UUID deliveryId) {
        record Target(WebhookDelivery delivery, String url, String secret) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
            CouncilWebhook webhook = CouncilWebhook.findById(d.council);
            return webhook == null ? new Target(d, null, null)
                    : new Target(d, webhook.url, cipher.open(webhook.secret(), webhook.secretBinding()));
        });
        OffsetDateTime attemptedAt = time.now();
        // the council removed its webhook: unreachable, kept for when it registers again
        CouncilWebhookSender.Answer answer = target.url() == null ? new CouncilWebhookSender.Answer(null, 0)
                : sender.push(target.url(), target.secret(), deliveryId, attemptedAt.toEpochSecond(),
                target.delivery().payload);
        WebhookAttempt attempt = QuarkusTransaction.requiringNew().call(() -> em.find(WebhookDelivery.class, deliveryId)
                .attempted(attemptedAt, answer.status(), answer.durationMs(), time.now(), backoff));
        if (!attempt.delivered()) {
            LOG.warnf("webhook delivery %s to council %s: %s (%s)", deliveryId, target.delivery().council,
                    attempt.outcome, answer.status() == null ? "no answer" : answer.status());
        }
    }
}
