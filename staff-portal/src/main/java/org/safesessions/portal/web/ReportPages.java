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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.security.Caller;
import org.safesessions.portal.client.ServiceRefusal;
import org.safesessions.portal.client.ServiceUnavailable;
import org.safesessions.portal.statistics.Charts;
import org.safesessions.portal.statistics.ConcernFigures;
import org.safesessions.portal.statistics.SessionFigures;
import org.safesessions.portal.statistics.Statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.HomePage.UK;

/**
 * Reports: session-service's attendance report for a period (a table, and its CSV passed on as the service wrote it)
 * and the charts of the services' statistics (aggregates only, drawn on the server as SVG with the numbers as a table
 * beside each).
 */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    static final DateTimeFormatter LONG_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReportPages.class);

    @Inject
    Backend backend;

    @Inject
    Statistics statistics;

    @Inject
    @Location("manage/attendance.html")
    Template attendance;

    @Inject
    @Location("manage/charts.html")
    Template charts;

    // ---- the attendance report

    @GET
    @Path("attendance")
    public TemplateInstance attendance(@RestQuery String from, @RestQuery String to) {
        LocalDate today = LocalDate.now(UK);
        FormErrors errors = FormErrors.none();
        LocalDate start = date(from, today.minusDays(30), "from", "From", errors);
        LocalDate end = date(to, today, "to", "To", errors);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("from", from == null ? start.toString() : from);
        typed.put("to", to == null ? end.toString() : to);
        if (!errors.any() && end.isBefore(start)) {
            errors.add("to", "To must be the same as or after From");
        }
        if (!errors.any() && end.isAfter(start.plusYears(1).minusDays(1))) {
            errors.add("to", "The report covers at most a year at a time");
        }
        JsonNode sessions = errors.any() ? null : backend.read(Service.SESSION, "/reports/attendance", period(start, end));
        JsonNode staff = errors.any() ? null : FacilitatorChoices.staff(backend);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (sessions != null) {
            for (JsonNode s : sessions) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("s", s);
                row.put("facilitators", String.join(", ", FacilitatorChoices.displayNames(staff, s.path("facilitators"))));
                rows.add(row);
            }
        }
        return attendance.data("section", "manage").data("typed", typed).data("errors", errors).data("rows", rows)
                .data("csvHref", "/reports/attendance.csv" + Backend.queryString(query("from", start, "to", end)))
                .data("period", Words.ukDate(start.toString()) + " to " + Words.ukDate(end.toString()));
    }

    /** The same report as CSV, as session-service writes it (formula characters already neutralised there). */
    @GET
    @Path("attendance.csv")
    @Produces("text/csv")
    public Response attendanceCsv(@RestQuery String from, @RestQuery String to) {
        LocalDate today = LocalDate.now(UK);
        FormErrors errors = FormErrors.none();
        LocalDate start = date(from, today.minusDays(30), "from", "From", errors);
        LocalDate end = date(to, today, "to", "To", errors);
        if (errors.any() || end.isBefore(start)) {
            throw new org.safesessions.portal.client.ServiceRefusal(null, 404);
        }
        String csv = backend.readAs(Service.SESSION, "/reports/attendance", period(start, end), "text/csv");
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"attendance-" + start + "-to-" + end + ".csv\"")
                .build();
    }

    /** [start, end] as whole UK days: session-service's [from, to). */
    private static Map<String, Object> period(LocalDate start, LocalDate end) {
        OffsetDateTime from = start.atStartOfDay(UK).toOffsetDateTime();
        OffsetDateTime to = end.plusDays(1).atStartOfDay(UK).toOffsetDateTime();
        return query("from", from, "to", to);
    }

    private static LocalDate date(String typed, LocalDate otherwise, String field, String label, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, label + " must be a date, for example " + otherwise);
            return otherwise;
        }
    }

    // ---- the charts

    @GET
    @Path("charts")
    @RolesAllowed(Caller.MANAGER)
    public TemplateInstance charts(@RestQuery String from, @RestQuery String to) {
        YearMonth now = YearMonth.now(UK);
        FormErrors errors = FormErrors.none();
        YearMonth first = month(from, now.minusMonths(5), "from", "From", errors);
        YearMonth last = month(to, now, "to", "To", errors);
        if (!errors.any() && last.isBefore(first)) {
            errors.add("to", "To must be the same month as From or after it");
        }
        if (!errors.any() && last.isAfter(first.plusMonths(Statistics.MAX_MONTHS - 1))) {
            errors.add("to", "The charts cover at most " + Statistics.MAX_MONTHS + " months at a time");
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("from", from == null ? first.toString() : from);
        typed.put("to", to == null ? last.toString() : to);
        String period = first.format(LONG_MONTH) + " to " + last.format(LONG_MONTH);
        TemplateInstance page = charts.data("section", "manage").data("typed", typed).data("errors", errors)
                .data("period", period).data("shown", !errors.any());
        if (errors.any()) {
            return page.data("concerns", Section.none()).data("sessions", Section.none());
        }
        Section<ConcernFigures> concerns = Section.of(() -> statistics.concerns(first, last));
        Section<SessionFigures> sessions = Section.of(() -> statistics.sessions(first, last));
        page.data("concerns", concerns).data("sessions", sessions);
        if (concerns.figures() != null) {
            page.data("riskChart", Charts.risk(concerns.figures(), period))
                    .data("categoryChart", Charts.category(concerns.figures(), period))
                    .data("acknowledgementChart", Charts.acknowledgement(concerns.figures(), period))
                    .data("acknowledgementRows", Charts.acknowledgementRows(concerns.figures()))
                    .data("councilRows", Charts.councilRows(concerns.figures()));
        }
        if (sessions.figures() != null) {
            page.data("sessionsChart", Charts.sessionsHeld(sessions.figures(), period))
                    .data("attendanceChart", Charts.attendance(sessions.figures(), period))
                    .data("sessionRows", Charts.sessionRows(sessions.figures()));
        }
        return page;
    }

    /**
     * One part of the charts page: its figures, or why there are none. A service that is down or refuses this person
     * its statistics leaves that part saying so, not the whole page.
     */
    @TemplateData
    public record Section<T>(T figures, boolean down, boolean refused) {

        static <T> Section<T> none() {
            return new Section<>(null, false, false);
        }

        static <T> Section<T> of(Supplier<T> read) {
            try {
                return new Section<>(read.get(), false, false);
            } catch (ServiceUnavailable e) {
                return new Section<>(null, true, false);
            } catch (ServiceRefusal e) {
                if (e.status() == 403) {
                    return new Section<>(null, false, true);
                }
                if (e.status() == 401) {
                    throw e; // the sign-in itself was not accepted: the page says so
                }
                // the portal's query is well-formed, so a 400 or 404 means the service has no statistics endpoint (one
                // older than the portal: session-service read "statistics" as a session id): as good as not answering
                LOG.warnf("statistics answered %d: shown as unavailable", e.status());
                return new Section<>(null, true, false);
            }
        }
    }

    private static YearMonth month(String typed, YearMonth otherwise, String field, String label, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(typed.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, label + " must be a month, for example " + otherwise);
            return otherwise;
        }
    }
}
