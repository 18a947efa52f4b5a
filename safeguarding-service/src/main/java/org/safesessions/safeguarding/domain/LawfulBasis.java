package org.safesessions.safeguarding.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.safesessions.kit.domain.RuleViolationException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Why sharing a concern with a council is lawful (SPEC §5): the young person's active {@code INFORMATION_SHARING}
 * consent, or the confidentiality-break decision recorded on the concern (its decision, justification, who decided
 * and who was informed, copied here so the council reads them). Recorded with the escalation in the chronology.
 *
 * @param consentId       for {@link Kind#INFORMATION_SHARING_CONSENT}: the consent relied on
 * @param decisionEntryId for {@link Kind#CONFIDENTIALITY_BREAK}: the chronology entry recording the decision
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LawfulBasis(Kind kind, UUID consentId, UUID decisionEntryId, String justification, String decidedBy,
                          List<String> informed) {

    public static final String RULE = "escalation-needs-lawful-basis";

    public enum Kind {
        INFORMATION_SHARING_CONSENT,
        CONFIDENTIALITY_BREAK
    }

    /**
     * The basis for escalating: the active consent when there is one, otherwise the concern's standing
     * confidentiality decision (its latest; a correction is a later decision entry) when it is to break
     * confidentiality. Neither: 422 {@value #RULE}.
     *
     * @param latestDecision the concern's latest confidentiality decision entry and its opened body, if any
     */
    public static LawfulBasis choose(Optional<ProjectedConsent> activeConsent,
                                     Optional<Decision> latestDecision) {
        if (activeConsent.isPresent()) {
            return new LawfulBasis(Kind.INFORMATION_SHARING_CONSENT, activeConsent.get().consentId, null, null, null,
                    null);
        }
        return latestDecision
                .filter(d -> d.body().decision() == ConfidentialityDecision.BREAK_CONFIDENTIALITY)
                .map(d -> new LawfulBasis(Kind.CONFIDENTIALITY_BREAK, null, d.entry().id, d.body().justification(),
                        d.body().decidedBy(), d.body().informed()))
                .orElseThrow(() -> new RuleViolationException(RULE, "an escalation needs the young person's active "
                        + "INFORMATION_SHARING consent or a decision recorded on the concern to break confidentiality"));
    }

    /** A confidentiality decision as recorded in the chronology. */
    public record Decision(ChronologyEntry entry, ChronologyBody body) {
    }
}
