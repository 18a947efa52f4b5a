package org.safesessions.safeguarding.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.EventType;
import org.safesessions.events.safeguarding.ConcernEscalatedV1;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.CouncilWebhook;
import org.safesessions.safeguarding.domain.WebhookAttempt;
import org.safesessions.safeguarding.domain.WebhookDelivery;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A partner council's optional webhook: registering it (we generate the signing secret and show it once), and
 * queueing an escalation for delivery in the same transaction as the escalation, so none is lost.
 */
@ApplicationScoped
public class CouncilWebhooks {

    public static final String ESCALATED = "referral.escalated";

    private final SecureRandom random = new SecureRandom();

    @Inject
    FieldCipher cipher;

    @Inject
    Time time;

    @Inject
    ObjectMapper json;

    /** The registration and, only now, the secret the council verifies our signatures with. */
    public record Registered(CouncilWebhook webhook, String secret) {
    }

    @Transactional
    public Registered register(String council, String url, String registeredBy) {
        URI uri = CouncilWebhook.httpUrl(url);
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        CouncilWebhook webhook = CouncilWebhook.findById(council);
        if (webhook == null) {
            webhook = new CouncilWebhook();
            webhook.council = council;
        }
        webhook.register(uri, cipher.seal(secret, webhook.secretBinding()), time.now(), registeredBy);
        webhook.persist();
        return new Registered(webhook, secret);
    }

    public CouncilWebhook get(String council) {
        CouncilWebhook webhook = CouncilWebhook.findById(council);
        if (webhook == null) {
            throw new RecordNotFoundException("webhook");
        }
        return webhook;
    }

    @Transactional
    public void remove(String council) {
        if (!CouncilWebhook.deleteById(council)) {
            throw new RecordNotFoundException("webhook");
        }
    }

    /** Queues the escalation for the council's webhook, if it registered one; delivered by {@link WebhookDispatcher}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueEscalation(Concern concern, ConcernEscalatedV1 event) {
        if (CouncilWebhook.findById(concern.escalatedCouncil) == null) {
            return;
        }
        UUID deliveryId = UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", deliveryId);
        payload.put("type", ESCALATED);
        payload.put("eventType", EventType.CONCERN_ESCALATED.type());
        payload.put("referralId", concern.id);
        payload.put("reference", concern.reference);
        payload.put("organisation", concern.organisation);
        payload.put("council", concern.escalatedCouncil);
        payload.put("risk", concern.risk);
        payload.put("categories", concern.categories.stream().map(Enum::name).sorted().toList());
        payload.put("escalatedAt", event.escalatedAt());
        payload.put("decisionDueAt", event.decisionDueAt());
        payload.put("referralPath", "/council/referrals/" + concern.id);
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        WebhookDelivery.queue(deliveryId, concern.escalatedCouncil, concern.id, ESCALATED, body, time.now()).persist();
    }

    /** A delivery with its attempts, for the council to see what was pushed and when. */
    public record DeliveryRecord(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    public Page<DeliveryRecord> deliveries(String council, int page, int size) {
        var query = WebhookDelivery.<WebhookDelivery>find("council = ?1 order by createdAt desc, id", council);
        return new Page<>(query.page(page, size).list(), page, size, query.count())
                .map(d -> new DeliveryRecord(d, WebhookAttempt.list("deliveryId = ?1 order by attemptedAt, id", d.id)));
    }
}
