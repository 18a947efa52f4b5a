package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.security.Caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.FormInput.blankToNull;
import static org.safesessions.portal.web.YoungPeoplePages.nz;
import static org.safesessions.portal.web.YoungPeoplePages.refusedPage;

/**
 * Subject access requests (SPEC §3), as consent-service tracks them for DSLs and managers: the overdue ones first,
 * then every request; record one about a young person; a request's page with its next step (identity checked, the
 * export produced, sent, closed). consent-service decides every step; the export is its document, passed on as a
 * download and recorded by the service in the request and the access log each time it is produced.
 */
@Path("/subject-access-requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
public class SubjectAccessPages {

    static final int PAGE_SIZE = 50;
    static final int OVERDUE_SHOWN = 200;
    static final String PATH = "/subject-access-requests";

    private static final Map<String, String> LABELS = Map.of("youngPersonId", "Young person",
            "requesterName", "Name of the person asking", "relationship", "Relationship to the young person",
            "receivedOn", "Date received");

    private static final Map<String, String> RULE_FIELDS = Map.of(
            "request-received-on-or-before-today", "receivedOn-day", "request-received-after-birth", "receivedOn-day");

    /** The steps a person may take from each status; the export is produced, never set by hand. */
    private static final Map<String, String> NEXT_STATUS = Map.of("RECEIVED", "IDENTITY_CHECKED",
            "EXPORT_PRODUCED", "SENT", "SENT", "CLOSED");

    private static final Set<String> EXPORTABLE = Set.of("IDENTITY_CHECKED", "EXPORT_PRODUCED");

    @Inject
    Backend backend;

    @Inject
    ObjectMapper json;

    @Inject
    @Location("subject-access/list.html")
    Template list;

    @Inject
    @Location("subject-access/record.html")
    Template record;

    @Inject
    @Location("subject-access/request.html")
    Template request;

    // ---- the list: overdue first

    @GET
    public TemplateInstance list(@RestQuery Integer page) {
        int current = page == null || page < 0 ? 0 : page;
        JsonNode overdue = backend.read(Service.CONSENT, PATH + "/overdue", query("page", 0, "size", OVERDUE_SHOWN));
        JsonNode all = backend.read(Service.CONSENT, PATH, query("page", current, "size", PAGE_SIZE));
        long total = all.path("total").asLong();
        return list.data("section", "subject-access").data("overdue", overdue.path("items"))
                .data("overdueTotal", overdue.path("total").asLong()).data("overdueShown", OVERDUE_SHOWN)
                .data("items", all.path("items")).data("total", total).data("page", current)
                .data("previousPage", current - 1).data("nextPage", current + 1)
                .data("hasNextPage", (current + 1L) * PAGE_SIZE < total);
    }

    // ---- record a request

    /** With {@code youngPersonId} the form; without, a search for the young person by preferred name. */
    @GET
    @Path("new")
    public TemplateInstance recordForm(@RestQuery UUID youngPersonId, @RestQuery String name) {
        if (youngPersonId == null) {
            JsonNode found = name == null || name.isBlank() ? null
                    : backend.read(Service.CONSENT, "/young-people", query("name", name.trim(), "size", 20));
            return record.data("section", "subject-access").data("person", null).data("name", name == null ? "" : name)
                    .data("found", found).data("typed", Map.of()).data("errors", FormErrors.none());
        }
        return recordPage(youngPersonId, Map.of(), FormErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object receive(@RestForm UUID youngPersonId, @RestForm String requesterName, @RestForm String relationship,
                          @RestForm("receivedOn-day") String day, @RestForm("receivedOn-month") String month,
                          @RestForm("receivedOn-year") String year) {
        if (youngPersonId == null) {
            return Pages.seeOther(PATH + "/new");
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("requesterName", requesterName);
        typed.put("relationship", relationship);
        typed.put("receivedOn-day", day);
        typed.put("receivedOn-month", month);
        typed.put("receivedOn-year", year);
        Optional<LocalDate> receivedOn = FormInput.date(nz(day), nz(month), nz(year));
        if (receivedOn.isEmpty()) {
            return recordPage(youngPersonId, typed, FormErrors.none()
                    .add("receivedOn-day", "Date received must be a real date, for example 27 3 2026"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("youngPersonId", youngPersonId);
        body.put("requesterName", blankToNull(requesterName));
        body.put("relationship", blankToNull(relationship));
        body.put("receivedOn", receivedOn.get().toString());
        Answer answer = backend.post(Service.CONSENT, PATH, body);
        if (answer.ok()) {
            return Pages.seeOther(PATH + "/" + answer.body().path("id").asText() + "?done=recorded");
        }
        if (answer.refused()) {
            FormErrors refused = FormErrors.from(answer, LABELS, RULE_FIELDS, "requesterName");
            refused.items().replaceAll(i -> i.field().equals("receivedOn") ? new FormErrors.Item("receivedOn-day", i.text()) : i);
            return recordPage(youngPersonId, typed, refused);
        }
        return refusedPage(answer);
    }

    private TemplateInstance recordPage(UUID youngPersonId, Map<String, String> typed, FormErrors errors) {
        JsonNode person = backend.read(Service.CONSENT, "/young-people/" + youngPersonId);
        return record.data("section", "subject-access").data("person", person).data("name", "").data("found", null)
                .data("typed", typed).data("errors", errors);
    }

    // ---- one request

    @GET
    @Path("{id}")
    public TemplateInstance request(@PathParam("id") UUID id, @RestQuery String done) {
        return requestPage(id, FormErrors.none(), switch (done == null ? "" : done) {
            case "recorded" -> "Subject access request recorded";
            case "moved" -> "Status changed";
            default -> null;
        });
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object move(@PathParam("id") UUID id, @RestForm String status) {
        Answer answer = backend.post(Service.CONSENT, PATH + "/" + id + "/status", Map.of("status", nz(status)));
        if (answer.ok()) {
            return Pages.seeOther(PATH + "/" + id + "?done=moved");
        }
        if (answer.refused()) {
            return requestPage(id, FormErrors.from(answer, Map.of("status", "The next step"), Map.of(), "next-step"), null);
        }
        return refusedPage(answer);
    }

    /** consent-service's subject access document, produced now (and recorded there), as a JSON download. */
    @POST
    @Path("{id}/export")
    public Object export(@PathParam("id") UUID id) {
        Answer answer = backend.post(Service.CONSENT, PATH + "/" + id + "/export", null);
        if (answer.ok()) {
            try {
                return Response.ok(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(answer.body()),
                                MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"subject-access-export-" + id + ".json\"")
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (answer.refused()) {
            return requestPage(id, FormErrors.from(answer, Map.of(), Map.of(), "next-step"), null);
        }
        return refusedPage(answer);
    }

    private TemplateInstance requestPage(UUID id, FormErrors errors, String done) {
        JsonNode found = backend.read(Service.CONSENT, PATH + "/" + id);
        String status = found.path("status").asText();
        List<Map<String, Object>> steps = new ArrayList<>();
        String[] all = {"RECEIVED", "IDENTITY_CHECKED", "EXPORT_PRODUCED", "SENT", "CLOSED"};
        int reached = List.of(all).indexOf(status);
        for (int i = 0; i < all.length; i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("status", all[i]);
            step.put("done", i <= reached);
            step.put("current", i == reached);
            steps.add(step);
        }
        return request.data("section", "subject-access").data("r", found).data("steps", steps)
                .data("nextStatus", NEXT_STATUS.get(status)).data("exportable", EXPORTABLE.contains(status))
                .data("errors", errors).data("done", done);
    }
}
