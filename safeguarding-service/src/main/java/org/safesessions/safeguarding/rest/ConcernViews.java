package org.safesessions.safeguarding.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.EscalationMethod;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SafeguardingClock;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.domain.AccessRecord;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ConcernStatus;
import org.safesessions.safeguarding.domain.ConfidentialityDecision;
import org.safesessions.safeguarding.domain.LawfulBasis;
import org.safesessions.safeguarding.application.Chronology;
import org.safesessions.safeguarding.application.ConcernBundles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the concern endpoints answer. A summary never carries the narrative or the subject's identity. */
public final class ConcernViews {

    private ConcernViews() {
    }

    /** What youth workers and coordinators see of the concerns they raised, and every list item. */
    @Schema(requiredProperties = {"id", "reference", "subjectType", "categories", "risk", "status", "source", "raisedBy", "raisedAt"})
    public record Summary(UUID id, String reference, SubjectType subjectType, UUID sessionId,
                          Set<ConcernCategory> categories, RiskLevel risk, ConcernStatus status, ConcernSource source,
                          String raisedBy, OffsetDateTime raisedAt) {
        public static Summary of(Concern c) {
            return new Summary(c.id, c.reference, c.subjectType, c.sessionId, c.categories, c.risk, c.status, c.source,
                    c.raisedBy, c.raisedAt);
        }
    }

    /** The whole concern, for DSLs and managers. */
    @Schema(requiredProperties = {"id", "reference", "subjectType", "categories", "risk", "status", "source", "raisedBy", "raisedAt", "narrative", "reviewDueOn"})
    public record Detail(UUID id, String reference, SubjectType subjectType, UUID youngPersonId, String staffUserId,
                         String staffUserName,
                         LocalDate youngPersonDateOfBirth, UUID sessionId, Set<ConcernCategory> categories,
                         RiskLevel risk, ConcernStatus status, ConcernSource source, String raisedBy,
                         OffsetDateTime raisedAt, String narrative, OffsetDateTime acknowledgementDueAt,
                         OffsetDateTime acknowledgedAt, String acknowledgedBy, String escalatedCouncil,
                         EscalationMethod escalationMethod, OffsetDateTime escalatedAt,
                         OffsetDateTime councilDecisionDueAt, CouncilDecision councilDecision,
                         OffsetDateTime councilDecidedAt, OffsetDateTime closedAt, LocalDate reviewDueOn,
                         LawfulBasis.Kind escalationBasis, UUID escalationBasisConsentId,
                         UUID escalationBasisEntryId) {
        public static Detail of(Concern c, String narrative) {
            return new Detail(c.id, c.reference, c.subjectType, c.subjectYoungPersonId, c.subjectStaffId, c.subjectStaffUser,
                    c.subjectDateOfBirth, c.sessionId, c.categories, c.risk, c.status, c.source, c.raisedBy,
                    c.raisedAt, narrative, c.acknowledgementDueAt, c.acknowledgedAt, c.acknowledgedBy,
                    c.escalatedCouncil, c.escalationMethod, c.escalatedAt, c.councilDecisionDueAt, c.councilDecision,
                    c.councilDecidedAt, c.closedAt, c.reviewDueOn, c.escalationBasis, c.escalationBasisConsentId,
                    c.escalationBasisEntryId);
        }
    }

    @Schema(requiredProperties = {"id", "seq", "kind", "recordedAt", "recordedBy"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(UUID id, int seq, ChronologyKind kind, OffsetDateTime recordedAt, String recordedBy,
                        UUID corrects, String text, ConfidentialityDecision decision, String justification,
                        String decidedBy, List<String> informed, String council, EscalationMethod method,
                        String reference, CouncilDecision councilDecision, OffsetDateTime decidedAt,
                        LawfulBasis lawfulBasis) {
        public static Entry of(Chronology.Entry e) {
            var s = e.stored();
            var b = e.body();
            return new Entry(s.id, s.seq, s.kind, s.recordedAt, s.recordedBy, s.correctsEntryId, b.text(),
                    b.decision(), b.justification(), b.decidedBy(), b.informed(), b.council(), b.method(),
                    b.reference(), b.councilDecision(), b.decidedAt(), b.lawfulBasis());
        }
    }

    @Schema(requiredProperties = {"intact", "entries"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean intact, int entries, UUID firstBrokenEntryId, Integer firstBrokenSeq,
                               String reason) {
        public static Verification of(Chronology.Verification v) {
            return v.firstBreak().map(b -> new Verification(false, v.entries(), b.entryId(), b.seq(), b.reason()))
                    .orElseGet(() -> new Verification(true, v.entries(), null, null, null));
        }
    }

    @Schema(requiredProperties = {"accessedAt", "accessedBy", "role", "view"})
    public record Access(OffsetDateTime accessedAt, String accessedBy, String role, AccessRecord.View view) {
        public static Access of(AccessRecord r) {
            return new Access(r.accessedAt, r.accessedBy, r.role, r.view);
        }
    }

    /** A concern with a clock past due. */
    @Schema(requiredProperties = {"concern", "clock", "dueAt"})
    public record Overdue(Summary concern, SafeguardingClock clock, OffsetDateTime dueAt, OffsetDateTime breachedAt) {
        public static Overdue of(Concern c, OffsetDateTime now) {
            if (c.acknowledgementOverdue(now)) {
                return new Overdue(Summary.of(c), SafeguardingClock.ACKNOWLEDGEMENT, c.acknowledgementDueAt,
                        c.acknowledgementBreachedAt);
            }
            return new Overdue(Summary.of(c), SafeguardingClock.COUNCIL_DECISION, c.councilDecisionDueAt,
                    c.councilDecisionBreachedAt);
        }
    }

    @Schema(requiredProperties = {"concern", "reviewDueOn"})
    public record RetentionReview(Summary concern, LocalDate reviewDueOn) {
        public static RetentionReview of(Concern c) {
            return new RetentionReview(Summary.of(c), c.reviewDueOn);
        }
    }

    /**
     * A court and council bundle as JSON: {@code content} is what the digest covers (recompute it as SHA-256 over
     * {@code content} with every object's keys sorted, null members left out, no whitespace, UTF-8);
     * who produced it and when stand outside it.
     */
    @Schema(requiredProperties = {"content", "digest", "producedAt", "producedBy"})
    public record Bundle(ConcernBundles.Content content, Digest digest, OffsetDateTime producedAt, String producedBy) {
        public static Bundle of(ConcernBundles.Bundle b) {
            return new Bundle(b.content(), new Digest(ConcernBundles.DIGEST_ALGORITHM, b.digest()), b.producedAt(),
                    b.producedBy());
        }
    }

    @Schema(requiredProperties = {"algorithm", "value"})
    public record Digest(String algorithm, String value) {
    }
}
