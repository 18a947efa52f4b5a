package org.safesessions.portal.problem;

import java.util.Map;

/**
 * The one table from each rule a service names in a 409 or 422 to a plain-English sentence. The services decide the
 * rules; this only says them in the charity's words. A rule not in the table shows the service's own detail.
 */
public final class RuleSentences {

    private static final Map<String, String> SENTENCES = Map.ofEntries(
            // consent-service
            Map.entry("agreement-made-after-birth", "The agreement date must be after the young person's date of birth"),
            Map.entry("agreement-made-in-the-past", "The agreement date must be today or in the past"),
            Map.entry("agreement-to-a-published-code-of-conduct", "Choose a published version of the code of conduct"),
            Map.entry("anonymised-records-stay-anonymised", "This record has been anonymised and cannot be changed"),
            Map.entry("consent-expires-after-it-is-given", "The expiry date must be after the date consent was given"),
            Map.entry("consent-given-after-birth", "The date consent was given must be after the young person's date of birth"),
            Map.entry("consent-given-in-the-past", "The date consent was given must be today or in the past"),
            Map.entry("consent-given-by-a-registered-guardian", "Choose one of the young person's registered guardians"),
            Map.entry("consent-lasts-at-most-5-years", "A consent can last at most 5 years"),
            Map.entry("consent-withdrawn-once", "This consent has already been withdrawn"),
            Map.entry("only-an-unexpired-consent-can-be-withdrawn", "This consent has expired, so it cannot be withdrawn"),
            Map.entry("guardian-of-this-young-person", "That guardian is not one of this young person's guardians"),
            Map.entry("self-consent-allowed-by-organisation", "Your organisation does not allow young people to give their own consent"),
            Map.entry("self-consent-needs-13-or-over", "A young person must be 13 or over to give their own consent"),
            Map.entry("request-received-on-or-before-today", "The date the request was received must be today or in the past"),
            Map.entry("request-received-after-birth", "The date the request was received must be after the young person's date of birth"),
            Map.entry("subject-access-request-never-moves-back", "This request has already moved past that step"),
            Map.entry("subject-access-request-skips-no-step", "Take the request's steps in order: this one comes later"),
            Map.entry("export-produced-by-producing-it", "Produce the export: that records it on the request"),
            Map.entry("identity-checked-before-export", "Check the requester's identity before producing the export"),
            Map.entry("no-export-after-sending", "The answer has been sent, so no export can be produced for this request"),
            // session-service
            Map.entry("approved-platform-only", "Choose a platform your organisation has risk-assessed and approved"),
            Map.entry("attendance-for-invited-young-people", "Attendance can only be recorded for young people invited to this session"),
            Map.entry("attendance-once-the-session-has-begun", "Attendance can be recorded once the session has begun"),
            Map.entry("checklist-complete-before-start", "Complete the pre-session checklist before starting the session"),
            Map.entry("group-session-maximum-invitees", "Too many young people are invited: your organisation's maximum group size is exceeded"),
            Map.entry("group-session-needs-two-facilitators", "A group session needs at least 2 facilitators"),
            Map.entry("invitee-needs-active-consent", "Every young person invited needs an active consent for group sessions on this platform at the session's time"),
            Map.entry("one-to-one-has-one-young-person", "A one-to-one session is for one young person only"),
            Map.entry("one-to-one-needs-one-or-two-workers", "A one-to-one session needs 1 or 2 youth workers"),
            Map.entry("one-to-one-needs-responsible-adult-confirmed", "Confirm a responsible adult is at home before starting a one-to-one session"),
            Map.entry("one-to-one-request-scheduled-once", "This one-to-one request has already been scheduled"),
            Map.entry("responsible-adult-applies-to-one-to-one", "A responsible adult is only confirmed for one-to-one sessions"),
            Map.entry("session-maximum-length", "The session is longer than your organisation's maximum length"),
            Map.entry("session-must-be-in-the-future", "The session must start in the future"),
            Map.entry("session-no-longer-changeable", "This session has started, ended or been cancelled, so it can no longer be changed"),
            Map.entry("session-within-working-hours", "The session must be within your organisation's working hours"),
            Map.entry("termination-young-person-must-be-invited", "Choose a young person who was invited to this session"),
            Map.entry("zoom-host-available", "No Zoom host is free for the whole of this session: choose another time"),
            Map.entry("zoom-host-safety-settings-must-hold", "Zoom did not keep every safety setting for a host you added: check the host's settings in Zoom, or leave it out"),
            Map.entry("facilitator-must-be-staff-of-organisation", "Every facilitator must be a member of staff of your organisation"),
            // safeguarding-service
            Map.entry("young-person-concern-names-the-young-person", "Choose the young person the concern is about"),
            Map.entry("staff-allegation-names-the-member-of-staff", "Enter the user name of the member of staff the concern is about"),
            Map.entry("allegation-subject-must-be-staff-of-organisation",
                    "Enter the user name of a member of staff of your organisation"),
            Map.entry("correction-points-at-an-entry-of-this-concern", "A correction must point at an entry of this concern's chronology"),
            Map.entry("entry-kind-written-by-the-workflow", "This kind of entry is added by the concern's workflow, not typed in"),
            Map.entry("decision-time-not-in-the-future", "The council's decision time must be now or in the past"),
            Map.entry("decision-time-after-escalation", "The council's decision time must be after the concern was escalated to it"),
            Map.entry("webhook-url-is-http", "The web address must be a full http or https address"),
            Map.entry("illegal-status-transition", "The concern is not at a stage where this can be done"),
            Map.entry("chronology-entry-has-text", "Enter the text of the entry"),
            Map.entry("escalation-needs-lawful-basis",
                    "Before sharing with a council, record the lawful basis: the young person's information-sharing consent, or a decision to break confidentiality in the chronology"),
            Map.entry("confidentiality-decision-records-justification-decider-and-informed",
                    "Record the decision's justification, who decided and who was informed"),
            // notification-service
            Map.entry("only-failed-messages-are-retried", "Only failed messages can be sent again"),
            Map.entry("template-must-render", "The template does not render: check its placeholders"));

    private RuleSentences() {
    }

    public static String sentence(String rule, String serviceDetail) {
        String sentence = rule == null ? null : SENTENCES.get(rule);
        if (sentence != null) {
            return sentence;
        }
        return serviceDetail == null || serviceDetail.isBlank() ? "Check what you entered and try again" : serviceDetail;
    }

    public static boolean known(String rule) {
        return SENTENCES.containsKey(rule);
    }
}
