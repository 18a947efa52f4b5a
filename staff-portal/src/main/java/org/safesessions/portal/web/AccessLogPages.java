package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.client.ServiceRefusal;
import org.safesessions.portal.client.ServiceUnavailable;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.security.Caller;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.safesessions.portal.web.FormInput.blankToNull;
import static org.safesessions.portal.web.HomePage.UK;

/**
 * The services' access logs (SPEC §2, §3: DSLs and managers query them by record, user and period): one page, a
 * service chosen, the filters as a GET form, the entries newest first, paged. Each service keeps its own log and
 * answers the kit's one query ({@code AccessLogEndpoint}); safeguarding-service's concern reads are on each concern's
 * own page. Days are whole UK days.
 */
@Path("/access-log")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
public class AccessLogPages {

    static final int PAGE_SIZE = 50;

    /** A service whose log can be read here, as the selector names it. */
    @TemplateData
    public record LogSource(String code, Service service, String path, String label) {
    }

    static final List<LogSource> SOURCES = List.of(
            new LogSource("consent", Service.CONSENT, "/access-log", "Young people, guardians, consents and subject access requests"),
            new LogSource("session", Service.SESSION, "/sessions/access-log", "Sessions, invitations and attendance"),
            new LogSource("notification", Service.NOTIFICATION, "/notifications/access-log", "Messages and delivery records"));

    private static final Map<String, String> LABELS = Map.of("recordId", "Record", "user", "User name", "from", "From",
            "to", "To", "page", "Page");

    @Inject
    Backend backend;

    @Inject
    @Location("access-log.html")
    Template accessLog;

    @GET
    public TemplateInstance query(@RestQuery String service, @RestQuery String recordId, @RestQuery String user,
                                  @RestQuery String from, @RestQuery String to, @RestQuery Integer page) {
        int current = page == null || page < 0 ? 0 : page;
        LogSource source = SOURCES.stream().filter(s -> s.code().equals(service)).findFirst().orElse(SOURCES.get(0));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("recordId", recordId == null ? "" : recordId);
        typed.put("user", user == null ? "" : user);
        typed.put("from", from == null ? "" : from);
        typed.put("to", to == null ? "" : to);

        FormErrors errors = FormErrors.none();
        UUID record = null;
        if (blankToNull(recordId) != null) {
            try {
                record = UUID.fromString(recordId.trim());
            } catch (IllegalArgumentException e) {
                errors.add("recordId", "Record must be a record's ID, for example 22222222-2222-2222-2222-222222222222");
            }
        }
        LocalDate start = date(from, "from", "From", errors);
        LocalDate end = date(to, "to", "To", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("to", "To must be the same day as From or after it");
        }
        TemplateInstance shown = accessLog.data("section", "access-log").data("sources", SOURCES).data("source", source)
                .data("typed", typed).data("errors", errors).data("entries", null).data("down", false)
                .data("page", current).data("previousPage", current - 1).data("nextPage", current + 1).data("hasNextPage", false);
        if (errors.any()) {
            return shown;
        }
        Map<String, Object> filter = Backend.query("recordId", record, "user", blankToNull(user),
                "from", start == null ? null : start.atStartOfDay(UK).toOffsetDateTime(),
                "to", end == null ? null : end.plusDays(1).atStartOfDay(UK).toOffsetDateTime());
        Map<String, Object> asked = new LinkedHashMap<>(filter);
        asked.put("page", current);
        asked.put("size", PAGE_SIZE);
        Answer answer;
        try {
            answer = backend.get(source.service(), source.path(), asked);
        } catch (ServiceUnavailable e) {
            return shown.data("down", true);
        }
        if (answer.refused()) {
            return shown.data("errors", FormErrors.from(answer, LABELS, Map.of(), "recordId"));
        }
        if (!answer.ok()) {
            throw new ServiceRefusal(source.service(), answer.status());
        }
        JsonNode found = answer.body();
        long total = found.path("total").asLong();
        Map<String, Object> again = new LinkedHashMap<>();
        again.put("service", source.code());
        again.put("recordId", blankToNull(recordId));
        again.put("user", blankToNull(user));
        again.put("from", blankToNull(from));
        again.put("to", blankToNull(to));
        String href = "/access-log" + Backend.queryString(again);
        return shown.data("entries", found.path("items")).data("total", total)
                .data("pageHref", href + (href.contains("?") ? "&" : "?"))
                .data("hasNextPage", (current + 1L) * PAGE_SIZE < total);
    }

    private static LocalDate date(String typed, String field, String label, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, label + " must be a date, for example " + LocalDate.now(UK));
            return null;
        }
    }
}
