package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import org.safesessions.portal.statistics.AttendanceFigures;
import org.safesessions.portal.statistics.BarChart;
import org.safesessions.portal.statistics.ConcernFigures;
import org.safesessions.portal.statistics.Statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.HomePage.UK;

/**
 * Reports: session-service's attendance report for a period (a table, and its CSV passed on as the service wrote it)
 * and the charts (aggregates only, drawn on the server as SVG with the numbers as a table beside each).
 */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    static final DateTimeFormatter LONG_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

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
        if (!errors.any() && last.isAfter(first.plusMonths(23))) {
            errors.add("to", "The charts cover at most 24 months at a time");
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("from", from == null ? first.toString() : from);
        typed.put("to", to == null ? last.toString() : to);
        TemplateInstance page = charts.data("section", "manage").data("typed", typed).data("errors", errors)
                .data("period", first.format(LONG_MONTH) + " to " + last.format(LONG_MONTH));
        if (errors.any()) {
            return page.data("concerns", null).data("attendance", null);
        }
        ConcernFigures concerns = statistics.concerns(first, last);
        AttendanceFigures attended = statistics.attendance(first, last);
        String period = first.format(LONG_MONTH) + " to " + last.format(LONG_MONTH);
        return page.data("concerns", concerns).data("attendance", attended)
                .data("riskChart", riskChart(concerns, period)).data("categoryChart", categoryChart(concerns, period))
                .data("acknowledgementChart", acknowledgementChart(concerns, period))
                .data("attendanceChart", attendanceChart(attended, period));
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

    static BarChart riskChart(ConcernFigures figures, String period) {
        List<String> risks = List.of("IMMEDIATE_DANGER", "HIGH", "MEDIUM", "LOW");
        long[][] values = new long[risks.size()][figures.months().size()];
        long total = 0;
        for (int m = 0; m < figures.months().size(); m++) {
            for (int r = 0; r < risks.size(); r++) {
                values[r][m] = figures.months().get(m).byRisk().getOrDefault(risks.get(r), 0L);
                total += values[r][m];
            }
        }
        return BarChart.of("risk-chart", "Concerns raised per month, by risk",
                total + " concerns raised from " + period + ". " + sums(risks.stream().map(Words::words).toList(), values),
                labels(figures.months().stream().map(ConcernFigures.Month::month).toList()),
                risks.stream().map(Words::words).toList(), values);
    }

    /** The six categories raised most often in the period, the rest together. */
    static BarChart categoryChart(ConcernFigures figures, String period) {
        Map<String, Long> totals = new LinkedHashMap<>();
        figures.months().forEach(m -> m.byCategory().forEach((c, n) -> totals.merge(c, n, Long::sum)));
        List<String> top = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(6).map(Map.Entry::getKey).toList();
        boolean others = totals.size() > top.size();
        List<String> names = new ArrayList<>(top.stream().map(Words::words).toList());
        if (others) {
            names.add("All other categories");
        }
        long[][] values = new long[names.size()][figures.months().size()];
        for (int m = 0; m < figures.months().size(); m++) {
            for (Map.Entry<String, Long> e : figures.months().get(m).byCategory().entrySet()) {
                int i = top.indexOf(e.getKey());
                values[i >= 0 ? i : names.size() - 1][m] += e.getValue();
            }
        }
        return BarChart.of("category-chart", "Concerns raised per month, by category",
                "Categories of the concerns raised from " + period + " (a concern can have several). "
                        + (names.isEmpty() ? "None were raised." : sums(names, values)),
                labels(figures.months().stream().map(ConcernFigures.Month::month).toList()), names, values);
    }

    static BarChart acknowledgementChart(ConcernFigures figures, String period) {
        List<ConcernFigures.Acknowledgement> shown = new ArrayList<>();
        for (ConcernFigures.Acknowledgement a : ConcernFigures.Acknowledgement.values()) {
            if (figures.months().stream().anyMatch(m -> m.acknowledgement().getOrDefault(a, 0L) > 0)) {
                shown.add(a);
            }
        }
        long[][] values = new long[shown.size()][figures.months().size()];
        for (int m = 0; m < figures.months().size(); m++) {
            for (int a = 0; a < shown.size(); a++) {
                values[a][m] = figures.months().get(m).acknowledgement().getOrDefault(shown.get(a), 0L);
            }
        }
        List<String> names = shown.stream().map(ConcernFigures.Acknowledgement::words).toList();
        return BarChart.of("acknowledgement-chart", "Immediate dangers per month, against the 15-minute acknowledgement clock",
                "Immediate dangers raised from " + period + ". " + (names.isEmpty() ? "None were raised." : sums(names, values)),
                labels(figures.months().stream().map(ConcernFigures.Month::month).toList()), names, values);
    }

    static BarChart attendanceChart(AttendanceFigures figures, String period) {
        List<String> names = List.of("Attended", "Invited, did not attend");
        long[][] values = new long[2][figures.months().size()];
        long sessions = 0;
        long held = 0;
        for (int m = 0; m < figures.months().size(); m++) {
            AttendanceFigures.Month month = figures.months().get(m);
            values[0][m] = month.attended();
            values[1][m] = Math.max(0, month.invited() - month.attended());
            sessions += month.sessions();
            held += month.held();
        }
        return BarChart.of("attendance-chart", "Young people invited and attending per month",
                sessions + " sessions booked from " + period + ", " + held + " held. " + sums(names, values),
                labels(figures.months().stream().map(AttendanceFigures.Month::month).toList()), names, values);
    }

    private static List<String> labels(List<YearMonth> months) {
        return months.stream().map(m -> m.format(MONTH)).toList();
    }

    /** "High: 3, Low: 1": each series' total over the period, for the text alternative. */
    private static String sums(List<String> names, long[][] values) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            long sum = 0;
            for (long v : values[s]) {
                sum += v;
            }
            parts.add(names.get(s) + ": " + sum);
        }
        return String.join(", ", parts) + ".";
    }
}
