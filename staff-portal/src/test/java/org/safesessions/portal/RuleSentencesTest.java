package org.safesessions.portal;

import org.junit.jupiter.api.Test;
import org.safesessions.portal.problem.RuleSentences;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every rule the four services name in a 409 or 422 has a plain-English sentence (the list from their sources). */
class RuleSentencesTest {

    static final List<String> SERVICE_RULES = List.of(
            // consent-service
            "agreement-made-after-birth", "agreement-made-in-the-past", "agreement-to-a-published-code-of-conduct",
            "anonymised-records-stay-anonymised", "consent-expires-after-it-is-given", "consent-given-after-birth",
            "consent-given-by-a-registered-guardian", "consent-given-in-the-past", "consent-lasts-at-most-5-years",
            "consent-withdrawn-once", "only-an-unexpired-consent-can-be-withdrawn", "self-consent-allowed-by-organisation",
            "self-consent-needs-13-or-over", "request-received-on-or-before-today", "request-received-after-birth",
            "subject-access-request-never-moves-back", "subject-access-request-skips-no-step", "export-produced-by-producing-it",
            "identity-checked-before-export", "no-export-after-sending",
            // session-service
            "approved-platform-only", "attendance-for-invited-young-people", "attendance-once-the-session-has-begun",
            "checklist-complete-before-start", "facilitator-must-be-staff-of-organisation", "group-session-maximum-invitees",
            "group-session-needs-two-facilitators", "invitee-needs-active-consent", "one-to-one-has-one-young-person",
            "one-to-one-needs-one-or-two-workers", "one-to-one-needs-responsible-adult-confirmed",
            "one-to-one-request-scheduled-once", "responsible-adult-applies-to-one-to-one", "session-maximum-length",
            "session-must-be-in-the-future", "session-no-longer-changeable", "session-within-working-hours",
            "termination-young-person-must-be-invited", "zoom-host-safety-settings-must-hold",
            // safeguarding-service
            "allegation-subject-must-be-staff-of-organisation", "chronology-entry-has-text",
            "confidentiality-decision-records-justification-decider-and-informed",
            "correction-points-at-an-entry-of-this-concern", "decision-time-after-escalation",
            "decision-time-not-in-the-future", "entry-kind-written-by-the-workflow", "escalation-needs-lawful-basis", "illegal-status-transition",
            "staff-allegation-names-the-member-of-staff", "webhook-url-is-http", "young-person-concern-names-the-young-person",
            // notification-service
            "only-failed-messages-are-retried", "template-must-render");

    @Test
    void everyRuleTheServicesNameHasASentence() {
        assertEquals(List.of(), SERVICE_RULES.stream().filter(rule -> !RuleSentences.known(rule)).toList());
    }
}
