package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.problem.RuleSentences;
import org.safesessions.portal.security.Caller;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.safesessions.portal.web.FormInput.blankToNull;
import static org.safesessions.portal.web.YoungPeoplePages.nz;

/**
 * The organisation's session policy (facilitators, group size, working hours, longest session) and its approved
 * platforms (who assessed each, when, when its review is due): every member of staff may read them, a manager changes
 * them. session-service decides every rule (its seeds' floor of two facilitators included); these pages say it.
 */
@Path("/policy")
@Produces(MediaType.TEXT_HTML)
public class PolicyPages {

    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    static final Map<String, String> POLICY_LABELS = Map.of("minGroupFacilitators", "Facilitators for a group session",
            "maxGroupSize", "Largest group", "workingDays", "Working days", "workingDayStarts", "Working day starts",
            "workingDayEnds", "Working day ends", "timeZone", "Time zone", "timeZoneKnown", "Time zone",
            "workingDayOrdered", "Working day ends", "maxLengthMinutes", "Longest session");

    static final Map<String, String> ASSESSMENT_LABELS = Map.of("assessedBy", "Who assessed it",
            "assessedOn", "Date of the risk assessment", "reviewDue", "Review due", "reviewAfterAssessment", "Review due");

    @Inject
    Backend backend;

    @Inject
    Caller caller;

    @Inject
    @Location("manage/policy.html")
    Template policy;

    @Inject
    @Location("manage/policy-edit.html")
    Template edit;

    @Inject
    @Location("manage/platform.html")
    Template platform;

    @Inject
    @Location("manage/zoom-hosts.html")
    Template zoomHosts;

    @GET
    public TemplateInstance view(@RestQuery String done) {
        JsonNode p = backend.read(Service.SESSION, "/policy");
        LocalDate today = LocalDate.now(HomePage.UK);
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (JsonNode assessed : p.path("platforms")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("platform", assessed.path("platform").asText());
            row.put("assessedBy", assessed.path("assessedBy").asText());
            row.put("assessedOn", assessed.path("assessedOn").asText());
            row.put("reviewDue", assessed.path("reviewDue").asText());
            row.put("approved", assessed.path("approved").asBoolean());
            row.put("reviewOverdue", reviewOverdue(assessed.path("reviewDue").asText(), today));
            platforms.add(row);
        }
        List<String> unassessed = new ArrayList<>(YoungPeoplePages.PLATFORMS);
        platforms.forEach(row -> unassessed.remove(row.get("platform")));
        return policy.data("section", "manage").data("p", p).data("platforms", platforms).data("unassessed", unassessed)
                .data("starts", hhmm(p.path("workingDayStarts").asText())).data("ends", hhmm(p.path("workingDayEnds").asText()))
                .data("manager", caller.manager()).data("done", doneMessage(done))
                .data("zoomHosts", caller.manager() || caller.coordinator()
                        ? HomePage.panel(() -> backend.get(Service.SESSION, "/policy/zoom-hosts")) : null);
    }

    // ---- the Zoom hosts

    @GET
    @Path("zoom-hosts")
    @RolesAllowed(Caller.MANAGER)
    public TemplateInstance zoomHostsForm() {
        JsonNode pool = backend.read(Service.SESSION, "/policy/zoom-hosts");
        List<String> hosts = new ArrayList<>();
        pool.path("hosts").forEach(h -> hosts.add(h.asText()));
        return zoomHosts.data("section", "manage").data("typed", String.join("\n", hosts)).data("errors", FormErrors.none());
    }

    @POST
    @Path("zoom-hosts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Caller.MANAGER)
    public Object saveZoomHosts(@RestForm String hosts) {
        List<String> lines = nz(hosts).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return zoomHosts.data("section", "manage").data("typed", nz(hosts))
                    .data("errors", FormErrors.none().add("hosts", "Enter at least one Zoom host user"));
        }
        Answer answer = backend.put(Service.SESSION, "/policy/zoom-hosts", Map.of("hosts", lines));
        if (answer.ok()) {
            return Pages.seeOther("/policy?done=zoom-hosts#zoom-hosts");
        }
        if (answer.refused() && UNSAFE_HOST.equals(answer.body().path("rule").asText(null))) {
            return zoomHosts.data("section", "manage").data("typed", nz(hosts))
                    .data("errors", FormErrors.none().add("hosts", unsafeHost(answer.body().path("detail").asText(""), lines)));
        }
        if (answer.refused()) {
            FormErrors refused = FormErrors.from(answer, Map.of("hosts", "Zoom host users",
                    "hosts[]", "A Zoom host user", "eachHostOnce", "Zoom host users"), Map.of(), "hosts");
            refused.items().replaceAll(i -> new FormErrors.Item("hosts", i.text()));
            return zoomHosts.data("section", "manage").data("typed", nz(hosts)).data("errors", refused);
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    static final String UNSAFE_HOST = "zoom-host-safety-settings-must-hold";

    private static final Pattern HOST_PLACE = Pattern.compile("^hosts\\[(\\d+)]: (.*)$");

    /**
     * session-service's refusal of a host whose safety settings Zoom did not keep names its place in the list
     * ({@code hosts[1]: its settings read back differently from the safe ones: in_meeting.private_chat}): the
     * sentence names the host as the manager typed it, and what Zoom did.
     */
    static String unsafeHost(String detail, List<String> lines) {
        var place = HOST_PLACE.matcher(detail);
        if (place.matches()) {
            int i = Integer.parseInt(place.group(1));
            if (i < lines.size()) {
                return "Zoom did not keep every safety setting for " + lines.get(i) + " (" + place.group(2)
                        + "): check the host's settings in Zoom, or leave it out";
            }
        }
        return RuleSentences.sentence(UNSAFE_HOST, null);
    }

    /** A review date today or before: the platform needs assessing again (session-service stops approving it). */
    static boolean reviewOverdue(String reviewDue, LocalDate today) {
        try {
            return !LocalDate.parse(reviewDue).isAfter(today);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    static String hhmm(String time) {
        return time != null && time.length() >= 5 ? time.substring(0, 5) : nz(time);
    }

    // ---- the policy

    @GET
    @Path("edit")
    @RolesAllowed(Caller.MANAGER)
    public TemplateInstance editForm() {
        JsonNode p = backend.read(Service.SESSION, "/policy");
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("minGroupFacilitators", p.path("minGroupFacilitators").asText());
        typed.put("maxGroupSize", p.path("maxGroupSize").asText());
        List<String> days = new ArrayList<>();
        p.path("workingDays").forEach(d -> days.add(d.asText()));
        typed.put("workingDays", days);
        typed.put("workingDayStarts", hhmm(p.path("workingDayStarts").asText()));
        typed.put("workingDayEnds", hhmm(p.path("workingDayEnds").asText()));
        typed.put("timeZone", p.path("timeZone").asText());
        typed.put("maxLengthMinutes", p.path("maxLengthMinutes").asText());
        return editPage(typed, FormErrors.none());
    }

    @POST
    @Path("edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Caller.MANAGER)
    public Object save(@RestForm String minGroupFacilitators, @RestForm String maxGroupSize,
                       @RestForm List<String> workingDays, @RestForm String workingDayStarts,
                       @RestForm String workingDayEnds, @RestForm String timeZone, @RestForm String maxLengthMinutes) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("minGroupFacilitators", minGroupFacilitators);
        typed.put("maxGroupSize", maxGroupSize);
        typed.put("workingDays", workingDays == null ? List.of() : workingDays);
        typed.put("workingDayStarts", workingDayStarts);
        typed.put("workingDayEnds", workingDayEnds);
        typed.put("timeZone", timeZone);
        typed.put("maxLengthMinutes", maxLengthMinutes);
        // what the portal reads itself (a number, a time of day); every rule is the service's
        FormErrors errors = FormErrors.none();
        Integer facilitators = wholeNumber(minGroupFacilitators, "minGroupFacilitators", "Facilitators for a group session", errors);
        Integer groupSize = wholeNumber(maxGroupSize, "maxGroupSize", "Largest group", errors);
        Optional<LocalTime> starts = FormInput.time(nz(workingDayStarts));
        if (starts.isEmpty()) {
            errors.add("workingDayStarts", "Working day starts must be a time, for example 09:00");
        }
        Optional<LocalTime> ends = FormInput.time(nz(workingDayEnds));
        if (ends.isEmpty()) {
            errors.add("workingDayEnds", "Working day ends must be a time, for example 18:00");
        }
        Integer length = wholeNumber(maxLengthMinutes, "maxLengthMinutes", "Longest session", errors);
        if (errors.any()) {
            return editPage(typed, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("minGroupFacilitators", facilitators);
        body.put("maxGroupSize", groupSize);
        body.put("workingDays", workingDays == null ? List.of() : workingDays);
        body.put("workingDayStarts", starts.get().toString());
        body.put("workingDayEnds", ends.get().toString());
        body.put("timeZone", blankToNull(timeZone) == null ? null : timeZone.trim());
        body.put("maxLengthMinutes", length);
        Answer answer = backend.put(Service.SESSION, "/policy", body);
        if (answer.ok()) {
            return Pages.seeOther("/policy?done=policy");
        }
        if (answer.refused()) {
            FormErrors refused = FormErrors.from(answer, POLICY_LABELS, Map.of(), "minGroupFacilitators");
            refused.items().replaceAll(i -> switch (i.field()) {
                case "timeZoneKnown" -> new FormErrors.Item("timeZone", i.text());
                case "workingDayOrdered" -> new FormErrors.Item("workingDayEnds", i.text());
                case "workingDays" -> new FormErrors.Item("workingDays", i.text());
                default -> i;
            });
            return editPage(typed, refused);
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    private static Integer wholeNumber(String typed, String field, String label, FormErrors errors) {
        try {
            return Integer.valueOf(nz(typed).trim());
        } catch (NumberFormatException e) {
            errors.add(field, label + " must be a whole number");
            return null;
        }
    }

    private TemplateInstance editPage(Map<String, Object> typed, FormErrors errors) {
        return edit.data("section", "manage").data("typed", typed).data("errors", errors).data("days", DAYS);
    }

    // ---- a platform's risk assessment

    @GET
    @Path("platforms/{platform}")
    @RolesAllowed(Caller.MANAGER)
    public TemplateInstance assessForm(@PathParam("platform") String code) {
        String known = known(code);
        JsonNode p = backend.read(Service.SESSION, "/policy");
        Map<String, Object> typed = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(HomePage.UK);
        typed.put("assessedBy", caller.displayName());
        putDate(typed, "assessedOn", today);
        putDate(typed, "reviewDue", today.plusYears(1));
        JsonNode current = null;
        for (JsonNode assessed : p.path("platforms")) {
            if (known.equals(assessed.path("platform").asText())) {
                current = assessed;
            }
        }
        return platformPage(known, current, typed, FormErrors.none());
    }

    @POST
    @Path("platforms/{platform}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Caller.MANAGER)
    public Object assess(@PathParam("platform") String code, @RestForm String assessedBy,
                         @RestForm("assessedOn-day") String onDay, @RestForm("assessedOn-month") String onMonth,
                         @RestForm("assessedOn-year") String onYear, @RestForm("reviewDue-day") String dueDay,
                         @RestForm("reviewDue-month") String dueMonth, @RestForm("reviewDue-year") String dueYear) {
        String known = known(code);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("assessedBy", assessedBy);
        typed.put("assessedOn-day", onDay);
        typed.put("assessedOn-month", onMonth);
        typed.put("assessedOn-year", onYear);
        typed.put("reviewDue-day", dueDay);
        typed.put("reviewDue-month", dueMonth);
        typed.put("reviewDue-year", dueYear);
        FormErrors errors = FormErrors.none();
        Optional<LocalDate> assessedOn = FormInput.date(nz(onDay), nz(onMonth), nz(onYear));
        if (assessedOn.isEmpty()) {
            errors.add("assessedOn-day", "Date of the risk assessment must be a real date, for example 27 3 2026");
        }
        Optional<LocalDate> reviewDue = FormInput.date(nz(dueDay), nz(dueMonth), nz(dueYear));
        if (reviewDue.isEmpty()) {
            errors.add("reviewDue-day", "Review due must be a real date, for example 27 3 2027");
        }
        if (errors.any()) {
            return platformPage(known, null, typed, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessedBy", blankToNull(assessedBy));
        body.put("assessedOn", assessedOn.get().toString());
        body.put("reviewDue", reviewDue.get().toString());
        Answer answer = backend.put(Service.SESSION, "/policy/platforms/" + known, body);
        if (answer.ok()) {
            return Pages.seeOther("/policy?done=assessed");
        }
        if (answer.refused()) {
            FormErrors refused = FormErrors.from(answer, ASSESSMENT_LABELS, Map.of(), "assessedBy");
            refused.items().replaceAll(i -> switch (i.field()) {
                case "assessedOn" -> new FormErrors.Item("assessedOn-day", i.text());
                case "reviewDue", "reviewAfterAssessment" -> new FormErrors.Item("reviewDue-day", i.text());
                default -> i;
            });
            return platformPage(known, null, typed, refused);
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    @POST
    @Path("platforms/{platform}/withdrawal")
    @RolesAllowed(Caller.MANAGER)
    public Object withdraw(@PathParam("platform") String code) {
        Answer answer = backend.delete(Service.SESSION, "/policy/platforms/" + known(code));
        if (answer.ok()) {
            return Pages.seeOther("/policy?done=withdrawn");
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    /** Only the platforms the suite knows go into a service's path; anything else is the portal's 404. */
    private static String known(String code) {
        if (code == null || !YoungPeoplePages.PLATFORMS.contains(code)) {
            throw new org.safesessions.portal.client.ServiceRefusal(null, 404);
        }
        return code;
    }

    private static void putDate(Map<String, Object> typed, String id, LocalDate date) {
        typed.put(id + "-day", String.valueOf(date.getDayOfMonth()));
        typed.put(id + "-month", String.valueOf(date.getMonthValue()));
        typed.put(id + "-year", String.valueOf(date.getYear()));
    }

    private TemplateInstance platformPage(String code, JsonNode current, Map<String, Object> typed, FormErrors errors) {
        return platform.data("section", "manage").data("platform", code).data("current", current).data("typed", typed)
                .data("errors", errors);
    }

    private static String doneMessage(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "policy" -> "Session policy saved";
            case "assessed" -> "Risk assessment recorded: the platform is approved until its review date";
            case "withdrawn" -> "Approval withdrawn: no new session can be booked on the platform";
            case "zoom-hosts" -> "Zoom hosts saved: their safety settings are checked before each meeting";
            default -> null;
        };
    }
}
