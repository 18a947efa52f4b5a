package org.safesessions.portal.statistics;

import io.quarkus.qute.TemplateData;
import org.safesessions.portal.web.Words;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The charts and figure tables of the charts page, drawn from the services' statistics: one {@link BarChart} per
 * question, each with a description that says the totals, and the figures that are not counts (percentiles, shares,
 * rates) as rows of words.
 */
public final class Charts {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    static final List<String> RISKS = List.of("IMMEDIATE_DANGER", "HIGH", "MEDIUM", "LOW");

    private Charts() {
    }

    /** A month's (or the whole period's) time to acknowledge, in words. */
    @TemplateData
    public record AcknowledgementRow(String label, long acknowledged, String median, String ninetieth,
                                     long immediateDangers, long withinClock, long notYetDue, String shareWithinClock) {
    }

    /** A month's (or the whole period's) referrals to councils and the time to their first response, in words. */
    @TemplateData
    public record CouncilRow(String label, long referrals, long responded, String median, String ninetieth) {
    }

    /** A month's (or the whole period's) sessions and attendance. */
    @TemplateData
    public record SessionRow(String label, long held, long groupSessions, long oneToOnes, long youngPeopleReached,
                             long invited, long attended, String attendanceRate) {
    }

    public static BarChart risk(ConcernFigures figures, String period) {
        List<ConcernFigures.Month> months = figures.period().months();
        List<String> names = RISKS.stream().map(Charts::words).toList();
        long[][] values = new long[RISKS.size()][months.size()];
        for (int m = 0; m < months.size(); m++) {
            for (int r = 0; r < RISKS.size(); r++) {
                values[r][m] = months.get(m).byRisk().getOrDefault(RISKS.get(r), 0L);
            }
        }
        return BarChart.of("risk-chart", "Concerns raised per month, by risk",
                figures.period().concerns() + " concerns raised from " + period + ". " + sums(names, values),
                labels(months, ConcernFigures.Month::month), names, values);
    }

    /** The six categories raised most often in the period, the rest together; categories never raised left out. */
    public static BarChart category(ConcernFigures figures, String period) {
        List<ConcernFigures.Month> months = figures.period().months();
        Map<String, Long> totals = new LinkedHashMap<>();
        months.forEach(m -> m.byCategory().forEach((c, n) -> {
            if (n > 0) {
                totals.merge(c, n, Long::sum);
            }
        }));
        List<String> top = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(6).map(Map.Entry::getKey).toList();
        boolean others = totals.size() > top.size();
        List<String> names = new ArrayList<>(top.stream().map(Charts::words).toList());
        if (others) {
            names.add("All other categories");
        }
        long[][] values = new long[names.size()][months.size()];
        for (int m = 0; m < months.size(); m++) {
            for (Map.Entry<String, Long> e : months.get(m).byCategory().entrySet()) {
                if (e.getValue() > 0) {
                    int i = top.indexOf(e.getKey());
                    values[i >= 0 ? i : names.size() - 1][m] += e.getValue();
                }
            }
        }
        return BarChart.of("category-chart", "Concerns raised per month, by category",
                "Categories of the concerns raised from " + period + " (a concern can have several). "
                        + (names.isEmpty() ? "None were raised." : sums(names, values)),
                labels(months, ConcernFigures.Month::month), names, values);
    }

    /** Each month's immediate dangers: acknowledged within the clock, not, or with the clock still running. */
    public static BarChart acknowledgement(ConcernFigures figures, String period) {
        List<ConcernFigures.Period> months = figures.byMonth();
        long clock = figures.period().acknowledgement().immediateDanger().clockMinutes();
        List<String> all = List.of("Acknowledged within " + clock + " minutes", "Not acknowledged within " + clock + " minutes",
                "Waiting, within the clock");
        List<Function<ConcernFigures.ImmediateDanger, Long>> counts = List.of(
                ConcernFigures.ImmediateDanger::acknowledgedWithinClock, ConcernFigures.ImmediateDanger::notWithinClock,
                ConcernFigures.ImmediateDanger::notYetDue);
        List<String> names = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        for (int s = 0; s < all.size(); s++) {
            long[] row = new long[months.size()];
            for (int m = 0; m < months.size(); m++) {
                row[m] = counts.get(s).apply(months.get(m).acknowledgement().immediateDanger());
            }
            if (s < 2 || java.util.Arrays.stream(row).sum() > 0) { // "waiting" only while there are some
                names.add(all.get(s));
                rows.add(row);
            }
        }
        long[][] values = rows.toArray(long[][]::new);
        ConcernFigures.ImmediateDanger whole = figures.period().acknowledgement().immediateDanger();
        return BarChart.of("acknowledgement-chart",
                "Immediate dangers per month, against the " + clock + "-minute acknowledgement clock",
                whole.concerns() + " immediate dangers raised from " + period + ". " + sums(names, values)
                        + " Share acknowledged within the clock: " + share(whole.shareWithinClock()) + ".",
                months.stream().map(p -> YearMonth.from(p.from()).format(MONTH)).toList(), names, values);
    }

    public static List<AcknowledgementRow> acknowledgementRows(ConcernFigures figures) {
        List<AcknowledgementRow> rows = new ArrayList<>();
        figures.byMonth().forEach(p -> rows.add(acknowledgementRow(YearMonth.from(p.from()).format(MONTH), p)));
        rows.add(acknowledgementRow("Whole period", figures.period()));
        return rows;
    }

    private static AcknowledgementRow acknowledgementRow(String label, ConcernFigures.Period p) {
        ConcernFigures.Acknowledgement a = p.acknowledgement();
        ConcernFigures.ImmediateDanger d = a.immediateDanger();
        return new AcknowledgementRow(label, a.acknowledged(), minutes(a.p50Minutes()), minutes(a.p90Minutes()),
                d.concerns(), d.acknowledgedWithinClock(), d.notYetDue(), share(d.shareWithinClock()));
    }

    public static List<CouncilRow> councilRows(ConcernFigures figures) {
        List<CouncilRow> rows = new ArrayList<>();
        figures.byMonth().forEach(p -> rows.add(councilRow(YearMonth.from(p.from()).format(MONTH), p)));
        rows.add(councilRow("Whole period", figures.period()));
        return rows;
    }

    private static CouncilRow councilRow(String label, ConcernFigures.Period p) {
        ConcernFigures.CouncilResponses c = p.councilResponses();
        return new CouncilRow(label, c.referrals(), c.responded(), minutes(c.p50Minutes()), minutes(c.p90Minutes()));
    }

    public static BarChart sessionsHeld(SessionFigures figures, String period) {
        List<String> names = List.of("Group sessions", "One-to-ones");
        long[][] values = new long[2][figures.months().size()];
        for (int m = 0; m < figures.months().size(); m++) {
            values[0][m] = figures.months().get(m).groupSessions();
            values[1][m] = figures.months().get(m).oneToOnes();
        }
        return BarChart.of("sessions-chart", "Sessions held per month",
                figures.sessionsHeld() + " sessions held from " + period + ", reaching " + figures.youngPeopleReached()
                        + " young people. " + sums(names, values),
                labels(figures.months(), SessionFigures.Month::month), names, values);
    }

    public static BarChart attendance(SessionFigures figures, String period) {
        List<String> names = List.of("Attended", "Invited, did not attend");
        long[][] values = new long[2][figures.months().size()];
        for (int m = 0; m < figures.months().size(); m++) {
            SessionFigures.Month month = figures.months().get(m);
            values[0][m] = month.attended();
            values[1][m] = Math.max(0, month.invited() - month.attended());
        }
        return BarChart.of("attendance-chart", "Young people invited and attending per month",
                figures.invited() + " invitations to the sessions held from " + period + ". " + sums(names, values)
                        + " Attendance rate: " + share(figures.attendanceRate()) + ".",
                labels(figures.months(), SessionFigures.Month::month), names, values);
    }

    public static List<SessionRow> sessionRows(SessionFigures figures) {
        List<SessionRow> rows = new ArrayList<>();
        long group = 0;
        long oneToOnes = 0;
        for (SessionFigures.Month m : figures.months()) {
            rows.add(new SessionRow(m.month().format(MONTH), m.sessionsHeld(), m.groupSessions(), m.oneToOnes(),
                    m.youngPeopleReached(), m.invited(), m.attended(), share(m.attendanceRate())));
            group += m.groupSessions();
            oneToOnes += m.oneToOnes();
        }
        rows.add(new SessionRow("Whole period", figures.sessionsHeld(), group, oneToOnes, figures.youngPeopleReached(),
                figures.invited(), figures.attended(), share(figures.attendanceRate())));
        return rows;
    }

    /** 12.5 → "12.5 minutes"; 150 → "2 hours 30 minutes"; 3000 → "2 days 2 hours"; none → "No figure yet". */
    static String minutes(Double minutes) {
        if (minutes == null) {
            return "No figure yet";
        }
        if (minutes < 60) {
            double rounded = Math.round(minutes * 10) / 10.0;
            String n = rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
            return n + (rounded == 1 ? " minute" : " minutes");
        }
        long whole = Math.round(minutes);
        long days = whole / (24 * 60);
        long hours = whole % (24 * 60) / 60;
        long mins = whole % 60;
        return days > 0 ? plural(days, "day") + " " + plural(hours, "hour") : plural(hours, "hour") + " " + plural(mins, "minute");
    }

    /** 0.5 → "50%"; 0.875 → "87.5%"; none → "No figure yet". */
    static String share(Double share) {
        if (share == null) {
            return "No figure yet";
        }
        double percent = Math.round(share * 1000) / 10.0;
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static <T> List<String> labels(List<T> months, Function<T, YearMonth> month) {
        return months.stream().map(m -> month.apply(m).format(MONTH)).toList();
    }

    /** "High: 3, Low: 1.": each series' total over the period, for the text alternative. */
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

    private static String words(String code) {
        return Words.words(code);
    }
}
