package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.security.Caller;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A concern's page and the DSL's moves on it: acknowledge, review, monitoring, escalate to a council, close, and
 * chronology entries. safeguarding-service decides who sees what (a summary, or the full record) and every rule;
 * the portal offers the moves the concern's status allows, sends what was typed, and says a refusal at its field.
 */
@ApplicationScoped
public class DslActions {

    static final List<String> ENTRY_KINDS = List.of("NOTE", "PRIVATE_SESSION", "CONFIDENTIALITY_DECISION", "OUTCOME");
    static final List<String> DECISIONS = List.of("BREAK_CONFIDENTIALITY", "KEEP_CONFIDENTIAL");
    static final List<String> METHODS = List.of("PHONE", "EMAIL", "PORTAL", "WEBHOOK");

    /** Each form's fields: the service's field name → its label (400 errors name them). */
    static final Map<String, Map<String, String>> LABELS = Map.of(
            "review", Map.of("text", "Review note"),
            "monitoring", Map.of("text", "What is being monitored"),
            "escalation", Map.of("council", "Council code", "method", "How it was referred", "reference", "Council's reference",
                    "referralSummary", "What is shared with the council"),
            "closure", Map.of("reason", "Reason for closing"),
            "entry", Map.of("kind", "Kind of entry", "text", "Entry", "corrects", "Correction of", "decision", "Decision",
                    "justification", "Justification", "decidedBy", "Who decided", "informed", "Who was informed",
                    "informed[]", "Who was informed"));

    /** A rule → the field it is about, per form; other rules point at the form's first field. */
    static final Map<String, String> RULE_FIELDS = Map.of(
            "escalation-needs-lawful-basis", "escalation-council",
            "chronology-entry-has-text", "entry-text",
            "confidentiality-decision-records-justification-decider-and-informed", "entry-justification",
            "correction-points-at-an-entry-of-this-concern", "entry-corrects",
            "entry-kind-written-by-the-workflow", "entry-kind");

    static final Map<String, String> FIRST_FIELDS = Map.of("acknowledgement", "acknowledge", "review", "review-text",
            "monitoring", "monitoring-text", "escalation", "escalation-council", "closure", "closure-reason", "entry", "entry-kind");

    @Inject
    Backend backend;

    @Inject
    Caller caller;

    @Inject
    @Location("concerns/concern.html")
    Template summary;

    @Inject
    @Location("concerns/record.html")
    Template record;

    /**
     * The concern as the service shows this reader: a summary (youth workers, coordinators), or the full record with
     * its chronology, the chain verification and its clocks (DSLs, managers).
     */
    TemplateInstance page(UUID id, FormErrors errors, Map<String, Object> typed, String done) {
        JsonNode c = backend.read(Service.SAFEGUARDING, "/concerns/" + id);
        if (!c.has("narrative")) {
            return summary.data("section", "concerns").data("c", c).data("full", c)
                    .data("done", "raised".equals(done) ? "Concern raised. Your designated safeguarding lead has been told." : null);
        }
        JsonNode entries = HomePage.panel(() -> backend.get(Service.SAFEGUARDING, "/concerns/" + id + "/chronology"));
        JsonNode verification = HomePage.panel(() -> backend.get(Service.SAFEGUARDING, "/concerns/" + id + "/chronology/verification"));
        Map<String, Integer> seqById = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach(e -> seqById.put(e.path("id").asText(), e.path("seq").asInt()));
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<ConcernClocks> clocks = new ArrayList<>();
        OffsetDateTime ackDue = ConcernClocks.time(c.path("acknowledgementDueAt"));
        if (ackDue != null && ConcernClocks.time(c.path("acknowledgedAt")) == null) {
            clocks.add(ConcernClocks.of(c, "ACKNOWLEDGEMENT", ackDue, now));
        }
        OffsetDateTime councilDue = ConcernClocks.time(c.path("councilDecisionDueAt"));
        if (councilDue != null && c.path("councilDecision").asText("").isBlank() && !"CLOSED".equals(c.path("status").asText())) {
            clocks.add(ConcernClocks.of(c, "COUNCIL_DECISION", councilDue, now));
        }
        String status = c.path("status").asText();
        Map<String, Object> shown = new LinkedHashMap<>(typed);
        shown.putIfAbsent("entry-kind", "NOTE");
        shown.putIfAbsent("entry-decidedBy", caller.userName());
        shown.putIfAbsent("escalation-method", "PHONE");
        return record.data("section", "concerns").data("c", c).data("entries", entries).data("seqById", seqById)
                .data("verification", verification).data("clocks", clocks).data("errors", errors).data("typed", shown)
                .data("done", doneMessage(done)).data("dsl", caller.safeguardingLead())
                .data("canAcknowledge", "RAISED".equals(status)).data("canReview", "ACKNOWLEDGED".equals(status))
                .data("canMonitor", "UNDER_REVIEW".equals(status))
                .data("canEscalate", "UNDER_REVIEW".equals(status) || "MONITORING".equals(status))
                .data("canClose", "UNDER_REVIEW".equals(status) || "MONITORING".equals(status) || "ESCALATED".equals(status))
                .data("canAddEntry", !"CLOSED".equals(status))
                .data("entryKinds", ENTRY_KINDS).data("decisions", DECISIONS).data("methods", METHODS);
    }

    /** Send one of the DSL's moves; on success back to the concern with a banner, refused → the page with the error. */
    Object send(UUID id, String form, String path, Map<String, Object> body, Map<String, Object> typed) {
        Answer answer = backend.post(Service.SAFEGUARDING, "/concerns/" + id + path, body);
        if (answer.ok()) {
            return Pages.seeOther("/concerns/" + id + "?done=" + form);
        }
        if (answer.refused()) {
            return page(id, errors(form, answer), typed, null);
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    static FormErrors errors(String form, Answer answer) {
        FormErrors errors = FormErrors.from(answer, LABELS.getOrDefault(form, Map.of()), RULE_FIELDS, FIRST_FIELDS.get(form));
        String prefix = form + "-";
        errors.items().replaceAll(i -> i.field().startsWith(prefix) || i.field().equals(FIRST_FIELDS.get(form))
                || RULE_FIELDS.containsValue(i.field()) ? i
                : new FormErrors.Item(prefix + i.field().replaceAll("-\\d+$", ""), i.text()));
        return errors;
    }

    private static String doneMessage(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "raised" -> "Concern raised";
            case "acknowledgement" -> "Concern acknowledged";
            case "review" -> "Review started";
            case "monitoring" -> "Concern is being monitored";
            case "escalation" -> "Concern escalated to the council";
            case "closure" -> "Concern closed";
            case "entry" -> "Entry added to the chronology";
            default -> null;
        };
    }
}
