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
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.security.Caller;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.FormInput.blankToNull;
import static org.safesessions.portal.web.HomePage.UK;

/**
 * One-to-ones: a coordinator records a young person's request, then schedules it with one or two workers, ticked from
 * the organisation's staff as session-service lists them. The
 * responsible adult at home is confirmed on the session's page before it starts.
 */
@Path("/one-to-ones")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Caller.COORDINATOR, Caller.MANAGER})
public class OneToOnePages {

    @Inject
    Backend backend;

    @Inject
    @Location("one-to-ones/list.html")
    Template list;

    @Inject
    @Location("one-to-ones/schedule.html")
    Template schedule;

    @GET
    public TemplateInstance list() {
        return listPage(FormErrors.none(), null);
    }

    private TemplateInstance listPage(FormErrors errors, String done) {
        JsonNode requests = YoungPeoplePages.items(backend.read(Service.SESSION, "/one-to-one-requests", query("size", 50)));
        JsonNode people = backend.read(Service.CONSENT, "/young-people", query("size", 100)).path("items");
        Map<String, String> names = new HashMap<>();
        people.forEach(p -> names.put(p.path("id").asText(), p.path("preferredName").asText()));
        return list.data("section", "one-to-ones").data("requests", requests).data("people", people)
                .data("names", names).data("errors", errors).data("done", done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object record(@RestForm String youngPersonId) {
        Map<String, Object> body = new HashMap<>();
        body.put("youngPersonId", blankToNull(youngPersonId));
        Answer answer = backend.post(Service.SESSION, "/one-to-one-requests", body);
        if (answer.ok()) {
            return listPage(FormErrors.none(), "One-to-one request recorded");
        }
        if (answer.refused()) {
            return listPage(FormErrors.from(answer, Map.of("youngPersonId", "Young person"), Map.of(), "youngPersonId"), null);
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    @GET
    @Path("{id}/schedule")
    public TemplateInstance scheduleForm(@PathParam("id") UUID id) {
        LocalDate tomorrow = LocalDate.now(UK).plusDays(1);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("title", "One-to-one");
        typed.put("startsAt-day", String.valueOf(tomorrow.getDayOfMonth()));
        typed.put("startsAt-month", String.valueOf(tomorrow.getMonthValue()));
        typed.put("startsAt-year", String.valueOf(tomorrow.getYear()));
        typed.put("durationMinutes", "45");
        typed.put("platform", "ZOOM");
        return schedulePage(id, typed, FormErrors.none(), List.of());
    }

    @POST
    @Path("{id}/schedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object schedule(@PathParam("id") UUID id, @RestForm String title, @RestForm("startsAt-day") String day,
                           @RestForm("startsAt-month") String month, @RestForm("startsAt-year") String year,
                           @RestForm("startsAt-time") String time, @RestForm String durationMinutes, @RestForm String platform,
                           @RestForm List<String> facilitators) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("startsAt-day", day);
        typed.put("startsAt-month", month);
        typed.put("startsAt-year", year);
        typed.put("startsAt-time", time);
        typed.put("durationMinutes", durationMinutes);
        typed.put("platform", platform);
        List<String> ticked = FacilitatorChoices.ticked(facilitators);
        FormErrors errors = FormErrors.none();
        Optional<OffsetDateTime> startsAt = SessionPages.startsAt(day, month, year, time, errors);
        Integer minutes = SessionPages.minutes(durationMinutes, errors);
        if (errors.any()) {
            return schedulePage(id, typed, errors, ticked);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", blankToNull(title));
        body.put("startsAt", startsAt.get().toString());
        body.put("durationMinutes", minutes);
        body.put("platform", blankToNull(platform));
        body.put("facilitators", ticked);
        Answer answer = backend.post(Service.SESSION, "/one-to-one-requests/" + id + "/schedule", body);
        if (answer.ok()) {
            return Pages.seeOther("/sessions/" + answer.body().path("id").asText() + "?done=booked");
        }
        if (answer.refused()) {
            return schedulePage(id, typed, SessionPages.bookingErrors(answer), ticked);
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    private TemplateInstance schedulePage(UUID id, Map<String, Object> typed, FormErrors errors, List<String> ticked) {
        JsonNode request = backend.read(Service.SESSION, "/one-to-one-requests/" + id);
        JsonNode person = HomePage.panel(() -> backend.get(Service.CONSENT, "/young-people/" + request.path("youngPersonId").asText()));
        return schedule.data("section", "one-to-ones").data("request", request).data("person", person)
                .data("typed", typed).data("errors", errors).data("platforms", YoungPeoplePages.PLATFORMS)
                .data("facilitators", FacilitatorChoices.of(FacilitatorChoices.staff(backend), ticked));
    }
}
