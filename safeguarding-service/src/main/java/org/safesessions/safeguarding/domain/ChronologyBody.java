package org.safesessions.safeguarding.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.EscalationMethod;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

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
        OffsetDateTime decidedAt,
        LawfulBasis lawfulBasis,
        List<ConvertedEntry> converted) {

    /** A version-1 entry as a CHAIN_CONVERTED entry records it: its hash, unchanged, and its converted hash. */
    public record ConvertedEntry(int seq, UUID id, String hash, String convertedHash) {
    }

    public static ChronologyBody text(String text) {
        return new ChronologyBody(text, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static ChronologyBody confidentiality(String text, ConfidentialityDecision decision, String justification,
                                                 String decidedBy, List<String> informed) {
        return new ChronologyBody(text, decision, justification, decidedBy, informed, null, null, null, null, null, null,
                null);
    }

    /** An escalation, with the lawful basis it was made on. */
    public static ChronologyBody escalation(String text, String council, EscalationMethod method, String reference,
                                            LawfulBasis basis) {
        return new ChronologyBody(text, null, null, null, null, council, method, reference, null, null, basis, null);
    }

    public static ChronologyBody councilResponse(String council, CouncilDecision decision, String reference,
                                                 OffsetDateTime decidedAt) {
        return new ChronologyBody(null, null, null, null, null, council, null, reference, decision, decidedAt, null,
                null);
    }

    /** A CHAIN_CONVERTED entry: what it says in words, and each converted entry. */
    public static ChronologyBody chainConverted(String text, List<ConvertedEntry> converted) {
        return new ChronologyBody(text, null, null, null, null, null, null, null, null, null, null,
                List.copyOf(converted));
    }

    /**
     * The body of an entry a DSL writes by hand (a note, a private session, a confidentiality decision, an outcome),
     * or 422 naming the rule: other kinds are the workflow's own; a confidentiality decision records its decision,
     * justification, decider and who was informed (someone, when confidentiality is broken); the rest need text.
     */
    public static ChronologyBody writtenByHand(ChronologyKind kind, String text, ConfidentialityDecision decision,
                                               String justification, String decidedBy, List<String> informed) {
        if (!kind.writtenByHand()) {
            throw new RuleViolationException("entry-kind-written-by-the-workflow",
                    kind + " entries are written by the workflow itself");
        }
        if (kind == ChronologyKind.CONFIDENTIALITY_DECISION) {
            if (decision == null || blank(justification) || blank(decidedBy) || informed == null) {
                throw new RuleViolationException("confidentiality-decision-records-justification-decider-and-informed",
                        "a confidentiality decision needs decision, justification, decidedBy and informed");
            }
            if (decision == ConfidentialityDecision.BREAK_CONFIDENTIALITY && informed.isEmpty()) {
                throw new RuleViolationException("confidentiality-decision-records-justification-decider-and-informed",
                        "breaking confidentiality names who was informed");
            }
            return confidentiality(text, decision, justification, decidedBy, informed);
        }
        if (blank(text)) {
            throw new RuleViolationException("chronology-entry-has-text", "this entry needs text");
        }
        return text(text);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
