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
import org.safesessions.portal.security.Caller;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.FormInput.blankToNull;
import static org.safesessions.portal.web.HomePage.UK;
import static org.safesessions.portal.web.YoungPeoplePages.nz;

/**
 * Group sessions: the list, booking (with the live consent check of each young person), the session page with its
 * provisioning state, checklist, start and end, attendance, early termination, reschedule and cancel.
 * session-service decides every rule and who may see which session.
 */
@Path("/sessions")
@Produces(MediaType.TEXT_HTML)
public class SessionPages {

    static final List<String> TERMINATION_REASONS = List.of("INAPPROPRIATE_DRESS", "ABUSIVE_LANGUAGE", "SAFEGUARDING", "TECHNICAL");

    static final Map<String, String> BOOKING_LABELS = Map.of(
            "title", "Title", "startsAt", "Start", "durationMinutes", "Length in minutes", "platform", "Platform",
            "facilitators", "Facilitators", "facilitators[]", "Facilitator", "invitees", "Young people invited");

    /** A rule about facilitators points at the checkbox group (its first checkbox has the group's id). */
    static final String FACILITATORS = "facilitators";

    static final Map<String, String> BOOKING_RULE_FIELDS = Map.of(
            "group-session-needs-two-facilitators", FACILITATORS, "facilitator-must-be-staff-of-organisation", FACILITATORS,
            "one-to-one-needs-one-or-two-workers", FACILITATORS,
            "invitee-needs-active-consent", "invitees", "group-session-maximum-invitees", "invitees",
            "session-within-working-hours", "startsAt-day", "session-must-be-in-the-future", "startsAt-day",
            "session-maximum-length", "durationMinutes", "approved-platform-only", "platform",
            "zoom-host-available", "startsAt-day");

    /** The rules an action on the session page can break → the part of the page each is about. */
    static final Map<String, String> SESSION_RULE_FIELDS = Map.of(
            "checklist-complete-before-start", "start", "one-to-one-needs-responsible-adult-confirmed", "start",
            "attendance-for-invited-young-people", "attendance", "attendance-once-the-session-has-begun", "attendance",
            "termination-young-person-must-be-invited", "termination-young-person");

    @Inject
    Backend backend;

    @Inject
    Caller caller;

    @Inject
    @Location("sessions/list.html")
    Template list;

    @Inject
    @Location("sessions/book.html")
    Template book;

    @Inject
    @Location("sessions/session.html")
    Template session;

    @Inject
    @Location("sessions/participants.html")
    Template participants;

    @Inject
    @Location("sessions/reschedule.html")
    Template reschedule;

    @Inject
    @Location("sessions/cancel.html")
    Template cancel;

    @GET
    public TemplateInstance list(@RestQuery String when) {
        boolean past = "past".equals(when);
        LocalDate today = LocalDate.now(UK);
        JsonNode sessions = backend.read(Service.SESSION, "/sessions", query(
                "from", (past ? today.minusDays(90) : today).atStartOfDay(UK).toOffsetDateTime(),
                "to", (past ? today : today.plusDays(120)).atStartOfDay(UK).toOffsetDateTime(),
                "facilitator", caller.booksSessions() ? null : caller.userName(), "size", 100));
        return list.data("section", "sessions").data("sessions", sessions).data("past", past);
    }

    // ---- book a group session

    @GET
    @Path("new")
    @RolesAllowed({Caller.COORDINATOR, Caller.MANAGER})
    public TemplateInstance bookForm(@RestQuery String title, @RestQuery("startsAt-day") String day,
                                     @RestQuery("startsAt-month") String month, @RestQuery("startsAt-year") String year,
                                     @RestQuery("startsAt-time") String time, @RestQuery String durationMinutes,
                                     @RestQuery String platform, @RestQuery List<String> facilitators,
                                     @RestQuery List<String> invitees, @RestQuery String firstOfGroup,
                                     @RestQuery String inviteeName, @RestQuery String inviteePage) {
        JsonNode staff = FacilitatorChoices.staff(backend);
        if (day == null && month == null && year == null && title == null) {
            // a fresh form: tomorrow, on Zoom, for an hour; the signed-in user ticked if they are listed
            LocalDate tomorrow = LocalDate.now(UK).plusDays(1);
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("startsAt-day", String.valueOf(tomorrow.getDayOfMonth()));
            typed.put("startsAt-month", String.valueOf(tomorrow.getMonthValue()));
            typed.put("startsAt-year", String.valueOf(tomorrow.getYear()));
            typed.put("platform", "ZOOM");
            typed.put("durationMinutes", "60");
            typed.put("invitees", List.of());
            typed.put("inviteeName", inviteeName);
            typed.put("inviteePage", inviteePage);
            List<String> chosen = FacilitatorChoices.lists(staff, caller.userName()) ? List.of(caller.userName()) : List.of();
            return bookPage(typed, FormErrors.none(), null, FacilitatorChoices.of(staff, chosen));
        }
        // a search or another page of young people (the whole form sent by GET): what was typed and ticked stays
        Map<String, Object> typed = typed(title, day, month, year, time, durationMinutes, platform, invitees, firstOfGroup,
                inviteeName, inviteePage);
        Optional<OffsetDateTime> startsAt = startsAt(day, month, year, time, FormErrors.none());
        return bookPage(typed, FormErrors.none(), startsAt.orElse(null),
                FacilitatorChoices.of(staff, FacilitatorChoices.ticked(facilitators)));
    }

    private static Map<String, Object> typed(String title, String day, String month, String year, String time,
                                             String durationMinutes, String platform, List<String> invitees,
                                             String firstOfGroup, String inviteeName, String inviteePage) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("startsAt-day", day);
        typed.put("startsAt-month", month);
        typed.put("startsAt-year", year);
        typed.put("startsAt-time", time);
        typed.put("durationMinutes", durationMinutes);
        typed.put("platform", platform);
        typed.put("invitees", chosenInvitees(invitees));
        typed.put("firstOfGroup", firstOfGroup);
        typed.put("inviteeName", inviteeName);
        typed.put("inviteePage", inviteePage);
        return typed;
    }

    /** The young people ticked, once each, in the order ticked (a ticked one shown twice on the form is sent twice). */
    static List<String> chosenInvitees(List<String> posted) {
        List<String> ids = new ArrayList<>();
        if (posted != null) {
            posted.stream().map(FormInput::blankToNull).filter(id -> id != null && !ids.contains(id)).forEach(ids::add);
        }
        return ids;
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Caller.COORDINATOR, Caller.MANAGER})
    public Object book(@RestForm String action, @RestForm String title, @RestForm("startsAt-day") String day,
                       @RestForm("startsAt-month") String month, @RestForm("startsAt-year") String year,
                       @RestForm("startsAt-time") String time, @RestForm String durationMinutes, @RestForm String platform,
                       @RestForm List<String> facilitators, @RestForm List<String> invitees,
                       @RestForm String firstOfGroup, @RestForm String inviteeName, @RestForm String searchedName,
                       @RestForm String inviteePage) {
        // Enter in a text field presses the form's default button ("enter"): it books, unless the search box holds a
        // name not yet searched, which only a search can have meant (without JavaScript; with it, Enter there searches)
        boolean search = "enter".equals(action)
                && !Objects.equals(blankToNull(inviteeName), blankToNull(searchedName));
        Map<String, Object> typed = typed(title, day, month, year, time, durationMinutes, platform, invitees, firstOfGroup,
                inviteeName, search ? "0" : inviteePage);
        List<String> ticked = FacilitatorChoices.ticked(facilitators);

        FormErrors errors = FormErrors.none();
        Optional<OffsetDateTime> startsAt = startsAt(day, month, year, time, search ? FormErrors.none() : errors);
        if ("check".equals(action) || search) {
            return bookPage(typed, errors, startsAt.orElse(null), choices(ticked));
        }
        Integer minutes = minutes(durationMinutes, errors);
        if (errors.any()) {
            return bookPage(typed, errors, startsAt.orElse(null), choices(ticked));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", blankToNull(title));
        body.put("startsAt", startsAt.get().toString());
        body.put("durationMinutes", minutes);
        body.put("platform", blankToNull(platform));
        body.put("facilitators", ticked);
        body.put("invitees", chosenInvitees(invitees));
        body.put("firstOfGroup", firstOfGroup != null);
        Answer answer = backend.post(Service.SESSION, "/sessions", body);
        if (answer.ok()) {
            return Pages.seeOther("/sessions/" + answer.body().path("id").asText() + "?done=booked");
        }
        if (answer.refused()) {
            return bookPage(typed, bookingErrors(answer), startsAt.get(), choices(ticked));
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    static FormErrors bookingErrors(Answer answer) {
        FormErrors errors = FormErrors.from(answer, BOOKING_LABELS, BOOKING_RULE_FIELDS, "title");
        errors.items().replaceAll(i -> switch (i.field()) {
            case "startsAt" -> new FormErrors.Item("startsAt-day", i.text());
            default -> i.field().startsWith("facilitators") ? new FormErrors.Item(FACILITATORS, i.text()) : i;
        });
        return errors;
    }

    static Optional<OffsetDateTime> startsAt(String day, String month, String year, String time, FormErrors errors) {
        Optional<LocalDate> date = FormInput.date(nz(day), nz(month), nz(year));
        Optional<LocalTime> at = FormInput.time(time);
        if (date.isEmpty()) {
            errors.add("startsAt-day", "Date must be a real date, for example 3 12 2026");
        }
        if (at.isEmpty()) {
            errors.add("startsAt-time", "Start time must be a time, for example 16:00 or 4pm");
        }
        if (date.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(date.get().atTime(at.get()).atZone(UK).toOffsetDateTime());
    }

    static Integer minutes(String typed, FormErrors errors) {
        try {
            return Integer.valueOf(nz(typed).trim());
        } catch (NumberFormatException e) {
            errors.add("durationMinutes", "Length must be a number of minutes, for example 60");
            return null;
        }
    }

    /** The facilitator checkboxes with these user names ticked. */
    private FacilitatorChoices choices(List<String> ticked) {
        return FacilitatorChoices.of(FacilitatorChoices.staff(backend), ticked);
    }

    static final int INVITEE_PAGE_SIZE = 20;

    /**
     * The booking form, with each young person's consent check for the platform and time typed (or now). The young
     * people are searched by name and paged; anyone ticked who is not on the page shown stays on the form, ticked,
     * under "Already chosen", so a search never loses a choice (and they can be unticked there).
     */
    private TemplateInstance bookPage(Map<String, Object> typed, FormErrors errors, OffsetDateTime at,
                                      FacilitatorChoices facilitators) {
        String name = blankToNull((String) typed.get("inviteeName"));
        int page = pageNumber((String) typed.get("inviteePage"));
        JsonNode people = backend.read(Service.CONSENT, "/young-people",
                query("name", name, "page", page, "size", INVITEE_PAGE_SIZE));
        String platform = blankToNull((String) typed.get("platform")) == null ? "ZOOM" : (String) typed.get("platform");
        @SuppressWarnings("unchecked")
        List<String> ticked = (List<String>) typed.getOrDefault("invitees", List.of());
        List<Map<String, Object>> candidates = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (JsonNode person : people.path("items")) {
            shown.add(person.path("id").asText());
            candidates.add(candidate(person.path("id").asText(), person.path("preferredName").asText(),
                    person.path("dateOfBirth").asText(null), platform, at));
        }
        List<Map<String, Object>> alreadyChosen = new ArrayList<>();
        for (String id : ticked) {
            if (!shown.contains(id)) {
                JsonNode person = HomePage.panel(() -> backend.get(Service.CONSENT, "/young-people/" + id));
                alreadyChosen.add(candidate(id, person == null ? "Young person " + id.substring(0, Math.min(8, id.length()))
                        : person.path("preferredName").asText(), person == null ? null : person.path("dateOfBirth").asText(null),
                        platform, at));
            }
        }
        long total = people.path("total").asLong();
        return book.data("section", "sessions").data("typed", typed).data("errors", errors)
                .data("platforms", YoungPeoplePages.PLATFORMS).data("candidates", candidates).data("facilitators", facilitators)
                .data("alreadyChosen", alreadyChosen).data("inviteeName", name == null ? "" : name)
                .data("inviteeTotal", total).data("inviteePage", page).data("inviteePageNumber", page + 1)
                .data("inviteePageSize", INVITEE_PAGE_SIZE).data("previousInviteePage", page - 1)
                .data("nextInviteePage", page + 1).data("hasNextInviteePage", (page + 1L) * INVITEE_PAGE_SIZE < total)
                .data("checkedAt", at == null ? "now" : Words.ukTime(at.toString()));
    }

    /** A young person to tick, with a second line (date of birth and age) telling apart two of the same name. */
    private Map<String, Object> candidate(String id, String name, String dateOfBirth, String platform, OffsetDateTime at) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("id", id);
        candidate.put("name", name);
        candidate.put("born", born(dateOfBirth));
        JsonNode check = HomePage.panel(() -> backend.get(Service.CONSENT, "/consent-checks", query(
                "youngPersonId", id, "scope", "GROUP_SESSIONS", "platform", platform,
                "at", at == null ? null : at.toString())));
        candidate.put("checked", check != null);
        candidate.put("allowed", check != null && check.path("allowed").asBoolean());
        List<String> reasons = new ArrayList<>();
        if (check != null) {
            check.path("reasons").forEach(r -> reasons.add(r.asText()));
        }
        candidate.put("reasons", reasons);
        return candidate;
    }

    /** "2012-03-04" → "Born 4 March 2012, age 14" (age today in the UK); null when not known. */
    static String born(String dateOfBirth) {
        if (dateOfBirth == null || dateOfBirth.isBlank()) {
            return null;
        }
        try {
            LocalDate born = LocalDate.parse(dateOfBirth);
            return "Born " + Words.ukDate(dateOfBirth) + ", age " + Period.between(born, LocalDate.now(HomePage.UK)).getYears();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static int pageNumber(String typed) {
        try {
            return Math.max(0, Integer.parseInt(nz(typed).trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- one session

    @GET
    @Path("{id}")
    public TemplateInstance session(@PathParam("id") UUID id, @RestQuery String done) {
        return sessionPage(id, FormErrors.none(), done);
    }

    private TemplateInstance sessionPage(UUID id, FormErrors errors, String done) {
        JsonNode s = backend.read(Service.SESSION, "/sessions/" + id);
        List<Map<String, Object>> invitees = new ArrayList<>();
        for (JsonNode invitation : s.path("invitations")) {
            Map<String, Object> invitee = new LinkedHashMap<>();
            String youngPersonId = invitation.path("youngPersonId").asText();
            invitee.put("id", youngPersonId);
            JsonNode person = HomePage.panel(() -> backend.get(Service.CONSENT, "/young-people/" + youngPersonId));
            invitee.put("name", person == null ? "Young person " + youngPersonId.substring(0, 8) : person.path("preferredName").asText());
            invitee.put("status", invitation.path("status").asText());
            invitee.put("removalReason", invitation.path("removalReason").asText(""));
            invitee.put("ready", invitation.path("invitationReady").asBoolean());
            invitees.add(invitee);
        }
        List<String> stillToDo = stillToDoBeforeStart(s);
        // staff by display name (session-service's staff list), the user name when not listed
        JsonNode staff = FacilitatorChoices.staff(backend);
        String checklistBy = s.path("checklist").path("recordedBy").asText("");
        return session.data("section", "sessions").data("s", s).data("invitees", invitees).data("errors", errors)
                .data("facilitatorNames", FacilitatorChoices.displayNames(staff, s.path("facilitators")))
                .data("checklistBy", checklistBy.isBlank() ? null : FacilitatorChoices.displayName(staff, checklistBy))
                .data("done", doneMessage(done)).data("terminationReasons", TERMINATION_REASONS)
                .data("canStart", stillToDo.isEmpty()).data("stillToDo", stillToDo)
                .data("participants", "ZOOM".equals(s.path("platform").asText())
                        && !"CANCELLED".equals(s.path("status").asText()) ? participantsOf(id, invitees) : null);
    }

    /** The facilitators' live view alone, for the session page's htmx polling. */
    @GET
    @Path("{id}/participants")
    public TemplateInstance participantsFragment(@PathParam("id") UUID id) {
        JsonNode s = backend.read(Service.SESSION, "/sessions/" + id);
        List<Map<String, Object>> invitees = new ArrayList<>();
        for (JsonNode invitation : s.path("invitations")) {
            String youngPersonId = invitation.path("youngPersonId").asText();
            JsonNode person = HomePage.panel(() -> backend.get(Service.CONSENT, "/young-people/" + youngPersonId));
            invitees.add(Map.of("id", youngPersonId, "name", person == null
                    ? "Young person " + youngPersonId.substring(0, 8) : person.path("preferredName").asText()));
        }
        Map<String, Object> p = participantsOf(id, invitees);
        return participants.data("sessionId", id).data("view", p.get("view")).data("waiting", p.get("waiting"))
                .data("invitees", p.get("invitees")).data("strangers", p.get("strangers"));
    }

    /**
     * Who waits in the Zoom waiting room, who is in and who left, against the invitation list (session-service's
     * {@code /sessions/{id}/participants}), so a facilitator sees at a glance who should not be there. The name a
     * waiting person typed into Zoom is shown as typed (escaped): it is what the facilitator sees in Zoom too.
     */
    private Map<String, Object> participantsOf(UUID id, List<Map<String, Object>> invitees) {
        Map<String, Object> result = new LinkedHashMap<>();
        JsonNode view = HomePage.panel(() -> backend.get(Service.SESSION, "/sessions/" + id + "/participants"));
        result.put("view", view);
        Map<String, String> names = new LinkedHashMap<>();
        invitees.forEach(i -> names.put((String) i.get("id"), (String) i.get("name")));
        List<Map<String, Object>> waiting = new ArrayList<>();
        List<Map<String, Object>> states = new ArrayList<>();
        long strangers = 0;
        if (view != null) {
            for (JsonNode w : view.path("waitingRoom")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("displayName", w.path("displayName").asText(""));
                row.put("unknown", w.path("unknown").asBoolean());
                row.put("facilitator", w.path("facilitator").asText(""));
                row.put("name", names.getOrDefault(w.path("youngPersonId").asText(), "An invited young person"));
                row.put("since", Words.ukTime(w.path("waitingSince").asText()));
                row.put("now", !w.path("leftAt").isNull() && !w.path("leftAt").isMissingNode() ? "Left"
                        : !w.path("admittedAt").isNull() && !w.path("admittedAt").isMissingNode() ? "Admitted" : "Waiting");
                if (w.path("unknown").asBoolean() && "Waiting".equals(row.get("now"))) {
                    strangers++;
                }
                waiting.add(row);
            }
            for (JsonNode m : view.path("meeting")) {
                if (m.path("unknown").asBoolean() && (m.path("leftAt").isNull() || m.path("leftAt").isMissingNode())) {
                    strangers++;
                }
            }
            for (JsonNode i : view.path("invitees")) {
                String state = switch (i.path("state").asText()) {
                    case "WAITING" -> "In the waiting room";
                    case "IN" -> "In the meeting";
                    case "LEFT" -> "Left the meeting";
                    default -> "Not arrived";
                };
                states.add(Map.of("name", names.getOrDefault(i.path("youngPersonId").asText(), "A young person"),
                        "state", state));
            }
        }
        result.put("waiting", waiting);
        result.put("invitees", states);
        result.put("strangers", strangers);
        return result;
    }

    /**
     * What the service still needs before it lets the session start, as the checklist's task names: the portal offers
     * "Start session" only when nothing is left (session-service refuses a start with the checklist incomplete, and a
     * one-to-one without a responsible adult confirmed). The service's own {@code complete} is what counts.
     */
    static List<String> stillToDoBeforeStart(JsonNode s) {
        List<String> left = new ArrayList<>();
        JsonNode checklist = s.path("checklist");
        if (!checklist.path("complete").asBoolean()) {
            if (!checklist.path("briefingGiven").asBoolean()) {
                left.add("Online-safety briefing given");
            }
            if (checklist.path("groundRulesNeeded").asBoolean() && !checklist.path("groundRulesAgreed").asBoolean()) {
                left.add("Ground rules agreed");
            }
            if (!checklist.path("organisationDevices").asBoolean()) {
                left.add("Facilitators on organisation devices");
            }
            if (left.isEmpty()) {
                left.add("The pre-session checklist");
            }
        }
        boolean adultConfirmed = !s.path("responsibleAdultConfirmedAt").asText("").isBlank();
        if ("ONE_TO_ONE".equals(s.path("kind").asText()) && !adultConfirmed) {
            left.add("A responsible adult at home confirmed");
        }
        return left;
    }

    private static String doneMessage(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "booked" -> "Session booked";
            case "checklist" -> "Checklist saved";
            case "started" -> "Session started";
            case "ended" -> "Session ended";
            case "attendance" -> "Attendance recorded";
            case "terminated" -> "Session ended early";
            case "rescheduled" -> "Session changed";
            case "cancelled" -> "Session cancelled";
            case "adult" -> "Responsible adult confirmed";
            default -> null;
        };
    }

    @POST
    @Path("{id}/checklist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object checklist(@PathParam("id") UUID id, @RestForm List<String> done) {
        List<String> ticked = done == null ? List.of() : done;
        Answer answer = backend.put(Service.SESSION, "/sessions/" + id + "/checklist", Map.of(
                "briefingGiven", ticked.contains("briefingGiven"), "groundRulesAgreed", ticked.contains("groundRulesAgreed"),
                "organisationDevices", ticked.contains("organisationDevices")));
        return after(id, answer, "checklist", "checklist");
    }

    @POST
    @Path("{id}/start")
    public Object start(@PathParam("id") UUID id) {
        return after(id, backend.post(Service.SESSION, "/sessions/" + id + "/start", null), "started", "start");
    }

    @POST
    @Path("{id}/end")
    public Object end(@PathParam("id") UUID id) {
        return after(id, backend.post(Service.SESSION, "/sessions/" + id + "/end", null), "ended", "end");
    }

    @POST
    @Path("{id}/responsible-adult")
    public Object responsibleAdult(@PathParam("id") UUID id) {
        return after(id, backend.post(Service.SESSION, "/sessions/" + id + "/responsible-adult-confirmation", null), "adult", "start");
    }

    @POST
    @Path("{id}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object attendance(@PathParam("id") UUID id, @RestForm String youngPersonId, @RestForm String attended) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("youngPersonId", blankToNull(youngPersonId));
        body.put("attended", "yes".equals(attended));
        return after(id, backend.post(Service.SESSION, "/sessions/" + id + "/attendance", body), "attendance", "attendance");
    }

    @POST
    @Path("{id}/termination")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object terminate(@PathParam("id") UUID id, @RestForm String reason, @RestForm String youngPersonId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", blankToNull(reason));
        body.put("youngPersonId", blankToNull(youngPersonId));
        return after(id, backend.post(Service.SESSION, "/sessions/" + id + "/termination", body), "terminated", "reason");
    }

    /** After an action: back to the session with a banner, or the session with the service's reason as an error. */
    private Object after(UUID id, Answer answer, String done, String field) {
        if (answer.ok()) {
            return Pages.seeOther("/sessions/" + id + "?done=" + done);
        }
        if (answer.refused()) {
            return sessionPage(id, FormErrors.from(answer, Map.of("reason", "Reason", "youngPersonId", "Young person",
                    "attended", "Attended"), SESSION_RULE_FIELDS, field), null);
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    // ---- reschedule and cancel (coordinators and managers)

    @GET
    @Path("{id}/reschedule")
    @RolesAllowed({Caller.COORDINATOR, Caller.MANAGER})
    public TemplateInstance rescheduleForm(@PathParam("id") UUID id) {
        JsonNode s = backend.read(Service.SESSION, "/sessions/" + id);
        OffsetDateTime starts = OffsetDateTime.parse(s.path("startsAt").asText()).atZoneSameInstant(UK).toOffsetDateTime();
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("title", s.path("title").asText());
        typed.put("startsAt-day", String.valueOf(starts.getDayOfMonth()));
        typed.put("startsAt-month", String.valueOf(starts.getMonthValue()));
        typed.put("startsAt-year", String.valueOf(starts.getYear()));
        typed.put("startsAt-time", starts.toLocalTime().toString());
        typed.put("durationMinutes", s.path("durationMinutes").asText());
        List<String> facilitators = new ArrayList<>();
        s.path("facilitators").forEach(f -> facilitators.add(f.asText()));
        return reschedule.data("section", "sessions").data("s", s).data("typed", typed).data("errors", FormErrors.none())
                .data("facilitators", choices(facilitators));
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Caller.COORDINATOR, Caller.MANAGER})
    public Object reschedule(@PathParam("id") UUID id, @RestForm String title, @RestForm("startsAt-day") String day,
                             @RestForm("startsAt-month") String month, @RestForm("startsAt-year") String year,
                             @RestForm("startsAt-time") String time, @RestForm String durationMinutes,
                             @RestForm List<String> facilitators) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("startsAt-day", day);
        typed.put("startsAt-month", month);
        typed.put("startsAt-year", year);
        typed.put("startsAt-time", time);
        typed.put("durationMinutes", durationMinutes);
        List<String> ticked = FacilitatorChoices.ticked(facilitators);
        FormErrors errors = FormErrors.none();
        Optional<OffsetDateTime> startsAt = startsAt(day, month, year, time, errors);
        Integer minutes = minutes(durationMinutes, errors);
        Answer answer = null;
        if (!errors.any()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", blankToNull(title));
            body.put("startsAt", startsAt.get().toString());
            body.put("durationMinutes", minutes);
            body.put("facilitators", ticked);
            answer = backend.patch(Service.SESSION, "/sessions/" + id, body);
            if (answer.ok()) {
                return Pages.seeOther("/sessions/" + id + "?done=rescheduled");
            }
            if (!answer.refused()) {
                return YoungPeoplePages.refusedPage(answer);
            }
            errors = bookingErrors(answer);
        }
        JsonNode s = backend.read(Service.SESSION, "/sessions/" + id);
        return reschedule.data("section", "sessions").data("s", s).data("typed", typed).data("errors", errors)
                .data("facilitators", choices(ticked));
    }

    @GET
    @Path("{id}/cancellation")
    @RolesAllowed({Caller.COORDINATOR, Caller.MANAGER})
    public TemplateInstance cancelForm(@PathParam("id") UUID id) {
        return cancel.data("section", "sessions").data("s", backend.read(Service.SESSION, "/sessions/" + id))
                .data("errors", FormErrors.none());
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Caller.COORDINATOR, Caller.MANAGER})
    public Object cancel(@PathParam("id") UUID id) {
        Answer answer = backend.post(Service.SESSION, "/sessions/" + id + "/cancellation", null);
        if (answer.ok()) {
            return Pages.seeOther("/sessions/" + id + "?done=cancelled");
        }
        if (answer.refused()) {
            return cancel.data("section", "sessions").data("s", backend.read(Service.SESSION, "/sessions/" + id))
                    .data("errors", FormErrors.from(answer, Map.of(), Map.of(), "cancel"));
        }
        return YoungPeoplePages.refusedPage(answer);
    }
}
