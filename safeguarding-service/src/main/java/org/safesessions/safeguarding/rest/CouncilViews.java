package org.safesessions.safeguarding.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.EscalationMethod;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.application.CouncilReferrals;
import org.safesessions.safeguarding.application.CouncilWebhooks;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.CouncilWebhook;
import org.safesessions.safeguarding.domain.LawfulBasis;
import org.safesessions.safeguarding.domain.WebhookAttempt;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What partner councils see: referrals without the DSL's internal notes, and their webhook's deliveries. */
public final class CouncilViews {

    private CouncilViews() {
    }

    @Schema(requiredProperties = {"id", "reference", "organisation", "subjectType", "categories", "risk", "method", "escalatedAt", "decisionDueAt"})
    public record ReferralSummary(UUID id, String reference, String organisation, SubjectType subjectType,
                                  Set<ConcernCategory> categories, RiskLevel risk, EscalationMethod method,
                                  OffsetDateTime escalatedAt, OffsetDateTime decisionDueAt,
                                  CouncilDecision decision, OffsetDateTime decidedAt, LawfulBasis.Kind lawfulBasis) {
        public static ReferralSummary of(Concern c) {
            return new ReferralSummary(c.id, c.reference, c.organisation, c.subjectType, c.categories, c.risk,
                    c.escalationMethod, c.escalatedAt, c.councilDecisionDueAt, c.councilDecision, c.councilDecidedAt,
                    c.escalationBasis);
        }
    }

    /** The referral itself: the concern as raised, the referral summary, and the council's own responses. */
    @Schema(requiredProperties = {"referral", "narrative", "history"})
    public record Referral(ReferralSummary referral, UUID youngPersonId, LocalDate youngPersonDateOfBirth,
                           UUID sessionId, String narrative, List<ConcernViews.Entry> history) {
        public static Referral of(CouncilReferrals.Referral r) {
            Concern c = r.concern();
            return new Referral(ReferralSummary.of(c), c.subjectYoungPersonId, c.subjectDateOfBirth, c.sessionId,
                    r.narrative(), r.shared().stream().map(ConcernViews.Entry::of).toList());
        }
    }

    @Schema(requiredProperties = {"council", "url", "registeredAt"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhook(String council, String url, OffsetDateTime registeredAt, String signingSecret) {
        public static Webhook of(CouncilWebhook w, String secret) {
            return new Webhook(w.council, w.url, w.registeredAt, secret);
        }
    }

    @Schema(requiredProperties = {"attemptedAt", "outcome", "durationMs"})
    public record Attempt(OffsetDateTime attemptedAt, Integer statusCode, String outcome, int durationMs) {
        public static Attempt of(WebhookAttempt a) {
            return new Attempt(a.attemptedAt, a.statusCode, a.outcome, a.durationMs);
        }
    }

    @Schema(requiredProperties = {"id", "referralId", "type", "createdAt", "attempts", "history"})
    public record Delivery(UUID id, UUID referralId, String type, OffsetDateTime createdAt, int attempts,
                           OffsetDateTime deliveredAt, OffsetDateTime nextAttemptAt, List<Attempt> history) {
        public static Delivery of(CouncilWebhooks.DeliveryRecord r) {
            var d = r.delivery();
            return new Delivery(d.id, d.concernId, d.eventType, d.createdAt, d.attempts, d.deliveredAt,
                    d.deliveredAt == null ? d.nextAttemptAt : null, r.attempts().stream().map(Attempt::of).toList());
        }
    }
}
