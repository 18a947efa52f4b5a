package org.safesessions.session.rest;

import org.safesessions.kit.rest.Problem;

/**
 * Texts of the OpenAPI contract shared by several operations: which rule a 422 names, what a 409 or 404 means. The
 * answers every operation shares (401, 403, 406, 413, 415, 500, 503) are added by the kit's OpenAPI filter.
 */
final class ApiDocs {

    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final String JSON = "application/json";
    static final String CSV = "text/csv";

    static final String INVALID = "The request is malformed or a field is invalid; `errors` names each field";
    static final String SESSION_NOT_FOUND = "No such session in the caller's organisation (or, for a youth worker, "
            + "not one they lead)";
    static final String NOT_CHANGEABLE = "`session-no-longer-changeable`: the session has begun, been cancelled or ended";
    static final String BOOKING_RULES = "A booking rule is broken; `rule` names it: "
            + "`facilitator-must-be-staff-of-organisation`, `group-session-needs-two-facilitators`, "
            + "`group-session-maximum-invitees`, `session-within-working-hours`, `session-maximum-length`, "
            + "`approved-platform-only`, `invitee-needs-active-consent`, `session-must-be-in-the-future`";
    static final String ONE_TO_ONE_RULES = "A booking rule is broken; `rule` names it: "
            + "`facilitator-must-be-staff-of-organisation`, `one-to-one-needs-one-or-two-workers`, "
            + "`one-to-one-has-one-young-person`, `session-within-working-hours`, `session-maximum-length`, "
            + "`approved-platform-only`, `invitee-needs-active-consent`, `session-must-be-in-the-future`";
    static final String CHANGE_RULES = "A booking rule is broken by the session as it would be; `rule` names it: "
            + "`facilitator-must-be-staff-of-organisation`, `group-session-needs-two-facilitators`, "
            + "`group-session-maximum-invitees`, `one-to-one-needs-one-or-two-workers`, `session-within-working-hours`, "
            + "`session-maximum-length`, `approved-platform-only`, `invitee-needs-active-consent`, "
            + "`session-must-be-in-the-future`";
    static final String INVITE_RULES = "A booking rule is broken by the invitations; `rule` names it: "
            + "`group-session-maximum-invitees`, `one-to-one-has-one-young-person`, `invitee-needs-active-consent`, "
            + "`approved-platform-only`, `session-within-working-hours`, `session-maximum-length`, "
            + "`group-session-needs-two-facilitators`, `one-to-one-needs-one-or-two-workers`, "
            + "`session-must-be-in-the-future`";

    private ApiDocs() {
    }
}
