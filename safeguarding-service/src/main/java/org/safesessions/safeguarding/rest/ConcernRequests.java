package org.safesessions.safeguarding.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.EscalationMethod;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.safeguarding.application.CouncilReferrals;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.ConfidentialityDecision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Request bodies of the concern and council endpoints, each mapped to its use case's command. Texts are bounded;
 * nothing is echoed back in errors.
 */
public final class ConcernRequests {

    static final int TEXT_MAX = 20_000;

    private ConcernRequests() {
    }

    /** A concern as staff raise it. A young person is named by id; a member of staff by user name. */
    @Schema(requiredProperties = {"subjectType", "categories", "risk", "narrative"})
    public record Raise(
            @NotNull SubjectType subjectType,
            UUID youngPersonId,
            @Size(max = 128) String staffUserName,
            @PastOrPresent LocalDate youngPersonDateOfBirth,
            UUID sessionId,
            @NotEmpty Set<@NotNull ConcernCategory> categories,
            @NotNull RiskLevel risk,
            @NotBlank @Size(max = TEXT_MAX) String narrative) {
        ConcernRegister.RaiseConcern command() {
            return new ConcernRegister.RaiseConcern(subjectType, youngPersonId, staffUserName, youngPersonDateOfBirth,
                    sessionId, categories, risk, narrative);
        }
    }

    public record Review(@Size(max = TEXT_MAX) String text) {
        ConcernWorkflow.StartReview command() {
            return new ConcernWorkflow.StartReview(text);
        }
    }

    @Schema(requiredProperties = {"text"})
    public record Monitoring(@NotBlank @Size(max = TEXT_MAX) String text) {
        ConcernWorkflow.Monitor command() {
            return new ConcernWorkflow.Monitor(text);
        }
    }

    /** A referral to a partner council, by its local authority code (e.g. E09000024). */
    @Schema(requiredProperties = {"council", "method"})
    public record Escalation(
            @NotBlank @Pattern(regexp = "[A-Z][0-9]{8}", message = "must be a local authority code such as E09000024") String council,
            @NotNull EscalationMethod method,
            @Size(max = 100) String reference,
            @Size(max = TEXT_MAX) String referralSummary) {
        ConcernWorkflow.Escalate command() {
            return new ConcernWorkflow.Escalate(council, method, reference, referralSummary);
        }
    }

    @Schema(requiredProperties = {"reason"})
    public record Closure(@NotBlank @Size(max = TEXT_MAX) String reason) {
        ConcernWorkflow.Close command() {
            return new ConcernWorkflow.Close(reason);
        }
    }

    /** A chronology entry a DSL writes: a note, a private session, a confidentiality decision, an outcome. */
    @Schema(requiredProperties = {"kind"})
    public record NewEntry(
            @NotNull ChronologyKind kind,
            @Size(max = TEXT_MAX) String text,
            UUID corrects,
            ConfidentialityDecision decision,
            @Size(max = TEXT_MAX) String justification,
            @Size(max = 128) String decidedBy,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> informed) {
        ConcernWorkflow.RecordEntry command() {
            return new ConcernWorkflow.RecordEntry(kind, text, corrects, decision, justification, decidedBy, informed);
        }
    }

    @Schema(requiredProperties = {"decision", "reference", "decidedAt"})
    public record CouncilResponse(
            @NotNull CouncilDecision decision,
            @NotBlank @Size(max = 100) String reference,
            @NotNull OffsetDateTime decidedAt) {
        CouncilReferrals.Respond command() {
            return new CouncilReferrals.Respond(decision, reference, decidedAt);
        }
    }

    @Schema(requiredProperties = {"url"})
    public record WebhookRegistration(@NotBlank @Size(max = 2000) String url) {
    }
}
