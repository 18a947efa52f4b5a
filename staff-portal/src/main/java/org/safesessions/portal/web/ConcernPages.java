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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.security.Caller;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.FormInput.blankToNull;

/**
 * Raising a safeguarding concern (from a session or on its own) and the concerns the caller may see: safeguarding-
 * service decides what each role sees (a youth worker: their own, as a summary). For safeguarding leads and managers
 * {@code /concerns} is the dashboard (clocks first, open concerns by status and risk, filters, paging); a full record
 * shows its chronology as a timeline, the chain verification and, for a DSL, the workflow's forms (DslActions).
 */
@Path("/concerns")
@Produces(MediaType.TEXT_HTML)
public class ConcernPages {

    static final List<String> CATEGORIES = List.of("BULLYING", "CYBERBULLYING", "EMOTIONAL_ABUSE", "PHYSICAL_ABUSE",
            "SEXUAL_ABUSE", "SEXUAL_EXPLOITATION", "SEXTING", "NEGLECT", "SELF_HARM", "RADICALISATION", "DOMESTIC_ABUSE",
            "INAPPROPRIATE_CONTENT", "STRANGER_CONTACT", "INAPPROPRIATE_DRESS_OR_LANGUAGE", "OTHER");
    static final List<String> RISKS = List.of("IMMEDIATE_DANGER", "HIGH", "MEDIUM", "LOW");
    static final List<String> SUBJECTS = List.of("YOUNG_PERSON", "STAFF_MEMBER", "UNKNOWN_PARTICIPANT");

    static final Map<String, String> LABELS = Map.of("subjectType", "Who the concern is about", "youngPersonId", "Young person",
            "staffUserName", "Member of staff", "categories", "What the concern is about", "risk", "Risk",
            "narrative", "What happened", "sessionId", "Session");
    static final Map<String, String> RULE_FIELDS = Map.of(
            "young-person-concern-names-the-young-person", "youngPersonId",
            "staff-allegation-names-the-member-of-staff", "staffUserName",
            "allegation-subject-must-be-staff-of-organisation", "staffUserName");

    @Inject
    Backend backend;

    @Inject
    @Location("concerns/list.html")
    Template list;

    @Inject
    @Location("concerns/raise.html")
    Template raise;

    static final List<String> OPEN_STATUSES = List.of("RAISED", "ACKNOWLEDGED", "UNDER_REVIEW", "ESCALATED", "MONITORING");
    static final List<String> STATUSES = List.of("RAISED", "ACKNOWLEDGED", "UNDER_REVIEW", "ESCALATED", "MONITORING", "CLOSED");
    static final int PAGE_SIZE = 20;
    /** Filtering by category is the portal's (the service filters by status and risk): it reads at most this many. */
    static final int CATEGORY_SCAN = 1000;

    @Inject
    Caller caller;

    @ConfigProperty(name = "portal.safeguarding.acknowledgement-within", defaultValue = "PT15M")
    Duration acknowledgementWithin;

    @Inject
    @Location("concerns/dashboard.html")
    Template dashboard;

    @Inject
    @Location("concerns/clocks.html")
    Template clocks;

    @Inject
    @Location("concerns/overdue.html")
    Template overdue;

    @Inject
    @Location("concerns/access-log.html")
    Template accessLog;

    @GET
    public TemplateInstance list(@RestQuery Integer page, @RestQuery String status, @RestQuery String risk,
                                 @RestQuery String category) {
        if (!caller.safeguardingLead() && !caller.manager()) {
            JsonNode concerns = backend.read(Service.SAFEGUARDING, "/concerns", query("page", page, "size", 20));
            return list.data("section", "concerns").data("concerns", concerns);
        }
        return dashboardPage(page == null ? 0 : Math.max(0, page), known(status, STATUSES), known(risk, RISKS),
                known(category, CATEGORIES));
    }

    private static String known(String code, List<String> codes) {
        return code != null && codes.contains(code) ? code : null;
    }

    private TemplateInstance dashboardPage(int page, String status, String risk, String category) {
        // the concerns listed (read first: the service's 403/503 is the page's)
        List<JsonNode> items = new ArrayList<>();
        long total;
        boolean scanLimited = false;
        if (category == null) {
            JsonNode found = backend.read(Service.SAFEGUARDING, "/concerns",
                    query("status", status, "risk", risk, "page", page, "size", PAGE_SIZE));
            found.path("items").forEach(items::add);
            total = found.path("total").asLong();
        } else {
            List<JsonNode> matching = new ArrayList<>();
            int read = 0;
            for (int p = 0; read < CATEGORY_SCAN; p++) {
                JsonNode found = backend.read(Service.SAFEGUARDING, "/concerns",
                        query("status", status, "risk", risk, "page", p, "size", 200));
                JsonNode pageItems = found.path("items");
                for (JsonNode c : pageItems) {
                    read++;
                    for (JsonNode cat : c.path("categories")) {
                        if (category.equals(cat.asText())) {
                            matching.add(c);
                            break;
                        }
                    }
                }
                if (pageItems.size() < 200 || (long) read >= found.path("total").asLong()) {
                    break;
                }
                scanLimited = read >= CATEGORY_SCAN;
            }
            total = matching.size();
            items.addAll(matching.subList(Math.min(page * PAGE_SIZE, matching.size()),
                    Math.min((page + 1) * PAGE_SIZE, matching.size())));
        }
        // open concerns by status and risk: each cell the service's own total
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean countsUnavailable = false;
        for (String s : OPEN_STATUSES) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("status", s);
            List<Object> cells = new ArrayList<>();
            long rowTotal = 0;
            for (String r : RISKS) {
                JsonNode counted = HomePage.panel(() -> backend.get(Service.SAFEGUARDING, "/concerns",
                        query("status", s, "risk", r, "size", 1)));
                if (counted == null) {
                    countsUnavailable = true;
                    cells.add(Map.of("risk", r, "count", "–"));
                } else {
                    long n = counted.path("total").asLong();
                    rowTotal += n;
                    cells.add(Map.of("risk", r, "count", String.valueOf(n)));
                }
            }
            row.put("cells", cells);
            row.put("total", rowTotal);
            rows.add(row);
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status == null ? "" : status);
        filters.put("risk", risk == null ? "" : risk);
        filters.put("category", category == null ? "" : category);
        String filterQuery = Backend.queryString(query("status", status, "risk", risk, "category", category));
        return withClocks(dashboard.data("section", "concerns").data("items", items).data("total", total)
                .data("page", page).data("pageNumber", page + 1).data("previousPage", page - 1).data("nextPage", page + 1)
                .data("hasNextPage", (page + 1L) * PAGE_SIZE < total).data("scanLimited", scanLimited)
                .data("filters", filters).data("filterHref", "/concerns" + (filterQuery.isEmpty() ? "?" : filterQuery + "&"))
                .data("statuses", STATUSES).data("risks", RISKS).data("categories", CATEGORIES)
                .data("rows", rows).data("countsUnavailable", countsUnavailable)
                .data("awaitingCouncil", awaitingCouncil()));
    }

    private TemplateInstance withClocks(TemplateInstance page) {
        List<ConcernClocks> running = clockList();
        return page.data("clocks", running == null ? List.of() : running).data("clocksUnavailable", running == null);
    }

    /** The clocks section alone, for the dashboard's htmx polling (new concerns appear without a reload). */
    @GET
    @Path("clocks")
    @RolesAllowed({Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public TemplateInstance clocksFragment() {
        return withClocks(clocks.data("awaitingCouncil", awaitingCouncil()));
    }

    /**
     * Overdue clocks first (the service's overdue list, with its due times), then immediate dangers still to be
     * acknowledged, soonest first. Null when safeguarding-service cannot say: the page says so.
     */
    List<ConcernClocks> clockList() {
        OffsetDateTime now = OffsetDateTime.now();
        JsonNode overdueItems = HomePage.panel(() -> backend.get(Service.SAFEGUARDING, "/concerns/overdue", query("size", 50)));
        JsonNode raised = HomePage.panel(() -> backend.get(Service.SAFEGUARDING, "/concerns",
                query("status", "RAISED", "risk", "IMMEDIATE_DANGER", "size", 50)));
        if (overdueItems == null || raised == null) {
            return null;
        }
        List<ConcernClocks> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode o : overdueItems.path("items")) {
            OffsetDateTime due = ConcernClocks.time(o.path("dueAt"));
            if (due != null) {
                result.add(ConcernClocks.of(o.path("concern"), o.path("clock").asText(), due, now));
                seen.add(o.path("concern").path("id").asText() + o.path("clock").asText());
            }
        }
        for (JsonNode c : raised.path("items")) {
            OffsetDateTime raisedAt = ConcernClocks.time(c.path("raisedAt"));
            if (raisedAt != null && !seen.contains(c.path("id").asText() + "ACKNOWLEDGEMENT")) {
                result.add(ConcernClocks.of(c, "ACKNOWLEDGEMENT", raisedAt.plus(acknowledgementWithin), now));
            }
        }
        result.sort(Comparator.comparing((ConcernClocks k) -> !k.overdue()).thenComparing(k -> OffsetDateTime.parse(k.dueAt())));
        return result;
    }

    /** Referrals waiting for the council's decision (due one working day after escalation: the record shows when). */
    List<JsonNode> awaitingCouncil() {
        JsonNode escalated = HomePage.panel(() -> backend.get(Service.SAFEGUARDING, "/concerns",
                query("status", "ESCALATED", "size", 20)));
        List<JsonNode> result = new ArrayList<>();
        if (escalated != null) {
            escalated.path("items").forEach(result::add);
        }
        return result;
    }

    @GET
    @Path("overdue")
    @RolesAllowed({Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public TemplateInstance overdueList(@RestQuery Integer page) {
        int current = page == null ? 0 : Math.max(0, page);
        JsonNode found = backend.read(Service.SAFEGUARDING, "/concerns/overdue", query("page", current, "size", PAGE_SIZE));
        OffsetDateTime now = OffsetDateTime.now();
        List<ConcernClocks> items = new ArrayList<>();
        for (JsonNode o : found.path("items")) {
            OffsetDateTime due = ConcernClocks.time(o.path("dueAt"));
            if (due != null) {
                items.add(ConcernClocks.of(o.path("concern"), o.path("clock").asText(), due, now));
            }
        }
        long total = found.path("total").asLong();
        return overdue.data("section", "concerns").data("items", items).data("total", total).data("page", current)
                .data("previousPage", current - 1).data("nextPage", current + 1)
                .data("hasNextPage", (current + 1L) * PAGE_SIZE < total);
    }

    @GET
    @Path("{id}/access-log")
    @RolesAllowed({Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public TemplateInstance accessLogPage(@PathParam("id") UUID id, @RestQuery Integer page) {
        int current = page == null ? 0 : Math.max(0, page);
        JsonNode found = backend.read(Service.SAFEGUARDING, "/concerns/" + id + "/access-log",
                query("page", current, "size", 50));
        // the reference for the heading: a list item carries it without reading (and logging) the record again
        long total = found.path("total").asLong();
        return accessLog.data("section", "concerns").data("id", id).data("logHref", "/concerns/" + id + "/access-log?").data("log", found.path("items")).data("total", total)
                .data("page", current).data("previousPage", current - 1).data("nextPage", current + 1)
                .data("hasNextPage", (current + 1L) * 50 < total);
    }

    /**
     * The court and council bundle as safeguarding-service makes it (the whole chronology, each entry's hash, the chain
     * check and the bundle's digest on every page); the service logs the export in the access log and the chronology.
     */
    @GET
    @Path("{id}/bundle.pdf")
    @RolesAllowed(Caller.SAFEGUARDING_LEAD)
    @Produces("application/pdf")
    public Response bundle(@PathParam("id") UUID id) {
        byte[] pdf = backend.readBytes(Service.SAFEGUARDING, "/concerns/" + id + "/bundle", Map.of(), "application/pdf");
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"concern-" + id + "-bundle.pdf\"")
                .build();
    }

    @GET
    @Path("new")
    public TemplateInstance raiseForm(@RestQuery String sessionId) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("sessionId", sessionId);
        typed.put("subjectType", "YOUNG_PERSON");
        typed.put("categories", List.of());
        return raisePage(typed, FormErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object raise(@RestForm String sessionId, @RestForm String subjectType, @RestForm String youngPersonId,
                        @RestForm String staffUserName, @RestForm List<String> categories, @RestForm String risk,
                        @RestForm String narrative) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("sessionId", sessionId);
        typed.put("subjectType", subjectType);
        typed.put("youngPersonId", youngPersonId);
        typed.put("staffUserName", staffUserName);
        typed.put("categories", categories == null ? List.of() : categories);
        typed.put("risk", risk);
        typed.put("narrative", narrative);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectType", blankToNull(subjectType));
        body.put("sessionId", blankToNull(sessionId));
        if ("YOUNG_PERSON".equals(subjectType) && blankToNull(youngPersonId) != null) {
            body.put("youngPersonId", youngPersonId);
            // The date of birth sets the record's retention date; consent-service holds it.
            JsonNode person = HomePage.panel(() -> backend.get(Service.CONSENT, "/young-people/" + youngPersonId));
            if (person != null && person.hasNonNull("dateOfBirth")) {
                body.put("youngPersonDateOfBirth", person.path("dateOfBirth").asText());
            }
        }
        if ("STAFF_MEMBER".equals(subjectType)) {
            body.put("staffUserName", blankToNull(staffUserName));
        }
        body.put("categories", categories == null ? List.of() : categories);
        body.put("risk", blankToNull(risk));
        body.put("narrative", blankToNull(narrative));
        Answer answer = backend.post(Service.SAFEGUARDING, "/concerns", body);
        if (answer.ok()) {
            return Pages.seeOther("/concerns/" + answer.body().path("id").asText() + "?done=raised");
        }
        if (answer.refused()) {
            return raisePage(typed, FormErrors.from(answer, LABELS, RULE_FIELDS, "subjectType"));
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    private TemplateInstance raisePage(Map<String, Object> typed, FormErrors errors) {
        JsonNode people = HomePage.panel(() -> backend.get(Service.CONSENT, "/young-people", query("size", 100)));
        String sessionId = (String) typed.get("sessionId");
        JsonNode session = blankToNull(sessionId) == null ? null
                : HomePage.panel(() -> backend.get(Service.SESSION, "/sessions/" + sessionId));
        return raise.data("section", "concerns").data("typed", typed).data("errors", errors)
                .data("people", people == null ? null : people.path("items")).data("session", session)
                .data("categories", CATEGORIES).data("risks", RISKS).data("subjects", SUBJECTS);
    }

    @GET
    @Path("{id}")
    public TemplateInstance concern(@PathParam("id") UUID id, @RestQuery String done) {
        return actions.page(id, FormErrors.none(), Map.of(), done);
    }

    @Inject
    DslActions actions;

    // ---- the DSL's moves (safeguarding-service decides; these only send what was chosen)

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed(Caller.SAFEGUARDING_LEAD)
    public Object acknowledge(@PathParam("id") UUID id) {
        return actions.send(id, "acknowledgement", "/acknowledgement", null, Map.of());
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Caller.SAFEGUARDING_LEAD)
    public Object review(@PathParam("id") UUID id, @RestForm String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", blankToNull(text));
        return actions.send(id, "review", "/review", body, typed("review-text", text));
    }

    @POST
    @Path("{id}/monitoring")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Caller.SAFEGUARDING_LEAD)
    public Object monitor(@PathParam("id") UUID id, @RestForm String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", blankToNull(text));
        return actions.send(id, "monitoring", "/monitoring", body, typed("monitoring-text", text));
    }

    @POST
    @Path("{id}/escalation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Caller.SAFEGUARDING_LEAD)
    public Object escalate(@PathParam("id") UUID id, @RestForm String council, @RestForm String method,
                           @RestForm String reference, @RestForm String referralSummary) {
        Map<String, Object> body = new LinkedHashMap<>();
        // council codes are upper case (E09000024); typed in any case
        body.put("council", blankToNull(council) == null ? null : council.trim().toUpperCase(java.util.Locale.ROOT));
        body.put("method", blankToNull(method));
        body.put("reference", blankToNull(reference));
        body.put("referralSummary", blankToNull(referralSummary));
        return actions.send(id, "escalation", "/escalation", body, typed("escalation-council", council,
                "escalation-method", method, "escalation-reference", reference, "escalation-referralSummary", referralSummary));
    }

    @POST
    @Path("{id}/closure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Caller.SAFEGUARDING_LEAD)
    public Object close(@PathParam("id") UUID id, @RestForm String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", blankToNull(reason));
        return actions.send(id, "closure", "/closure", body, typed("closure-reason", reason));
    }

    @POST
    @Path("{id}/chronology")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Caller.SAFEGUARDING_LEAD)
    public Object addEntry(@PathParam("id") UUID id, @RestForm String kind, @RestForm String text,
                           @RestForm String corrects, @RestForm String decision, @RestForm String justification,
                           @RestForm String decidedBy, @RestForm String informed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", blankToNull(kind));
        body.put("text", blankToNull(text));
        body.put("corrects", blankToNull(corrects));
        if ("CONFIDENTIALITY_DECISION".equals(kind)) {
            body.put("decision", blankToNull(decision));
            body.put("justification", blankToNull(justification));
            body.put("decidedBy", blankToNull(decidedBy));
            // one person or role per line: "the young person", "Mum (by phone)"
            List<String> people = new ArrayList<>();
            if (informed != null) {
                informed.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(people::add);
            }
            body.put("informed", people);
        }
        return actions.send(id, "entry", "/chronology", body, typed("entry-kind", kind, "entry-text", text,
                "entry-corrects", corrects, "entry-decision", decision, "entry-justification", justification,
                "entry-decidedBy", decidedBy, "entry-informed", informed));
    }

    private static Map<String, Object> typed(String... namesAndValues) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return typed;
    }
}
