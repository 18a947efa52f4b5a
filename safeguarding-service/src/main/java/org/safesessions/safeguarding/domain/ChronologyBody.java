package org.safesessions.safeguarding.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.EscalationMethod;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a chronology entry says, sealed as one JSON document: free text and the structured details of its kind
 * (a confidentiality decision's justification and who was informed, an escalation's council and reference, a
 * council's decision). Only the fields of the entry's kind are set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChronologyBody(
        String text,
        ConfidentialityDecision decision,
        String justification,
        String decidedBy,
        List<String> informed,
        String council,
        EscalationMethod method,
        String reference,
        CouncilDecision councilDecision,
        OffsetDateTime decidedAt) {

    public static ChronologyBody text(String text) {
        return new ChronologyBody(text, null, null, null, null, null, null, null, null, null);
    }

    public static ChronologyBody confidentiality(String text, ConfidentialityDecision decision, String justification,
                                                 String decidedBy, List<String> informed) {
        return new ChronologyBody(text, decision, justification, decidedBy, informed, null, null, null, null, null);
    }

    public static ChronologyBody escalation(String text, String council, EscalationMethod method, String reference) {
        return new ChronologyBody(text, null, null, null, null, council, method, reference, null, null);
    }

    public static ChronologyBody councilResponse(String council, CouncilDecision decision, String reference,
                                                 OffsetDateTime decidedAt) {
        return new ChronologyBody(null, null, null, null, null, council, null, reference, decision, decidedAt);
    }
}
