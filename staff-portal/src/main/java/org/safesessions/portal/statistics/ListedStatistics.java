package org.safesessions.portal.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.safesessions.portal.client.Backend.query;

/**
 * The statistics counted by the portal from the lists the services already have, with the caller's token:
 * safeguarding-service's concern list (newest first, at most {@value #SCAN} concerns) and session-service's attendance
 * report. Only counts leave this class. The concern list carries no acknowledgement time, and reading each record to
 * get it would put a read in every concern's access log, so an acknowledged immediate danger counts as
 * "acknowledged" without its minutes until safeguarding-service's {@code GET /statistics} replaces this class.
 */
@RequestScoped
public class ListedStatistics implements Statistics {

    static final int SCAN = 2000;
    static final int PAGE = 200;
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final List<String> RISKS = List.of("IMMEDIATE_DANGER", "HIGH", "MEDIUM", "LOW");

    @Inject
    Backend backend;

    @ConfigProperty(name = "portal.safeguarding.acknowledgement-within", defaultValue = "PT15M")
    Duration acknowledgementWithin;

    @Override
    public ConcernFigures concerns(YearMonth from, YearMonth to) {
        Map<YearMonth, Counting> months = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m, new Counting());
        }
        OffsetDateTime start = from.atDay(1).atStartOfDay(UK).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now();
        boolean partial = false;
        int read = 0;
        scan:
        for (int page = 0; ; page++) {
            JsonNode found = backend.read(Service.SAFEGUARDING, "/concerns", query("page", page, "size", PAGE));
            JsonNode items = found.path("items");
            for (JsonNode c : items) {
                read++;
                OffsetDateTime raisedAt = OffsetDateTime.parse(c.path("raisedAt").asText());
                if (raisedAt.isBefore(start)) {
                    break scan; // newest first: the rest are older than the period
                }
                Counting month = months.get(YearMonth.from(raisedAt.atZoneSameInstant(UK)));
                if (month != null) {
                    month.add(c, raisedAt, now, acknowledgementWithin);
                }
            }
            if (items.size() < PAGE || read >= found.path("total").asLong()) {
                break;
            }
            if (read >= SCAN) {
                partial = true;
                break;
            }
        }
        List<ConcernFigures.Month> result = new ArrayList<>();
        months.forEach((m, counting) -> result.add(counting.month(m)));
        return new ConcernFigures(result, partial, false);
    }

    @Override
    public AttendanceFigures attendance(YearMonth from, YearMonth to) {
        Map<YearMonth, long[]> months = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m, new long[5]);
        }
        // session-service reports at most a year at a time
        for (YearMonth chunk = from; !chunk.isAfter(to); chunk = chunk.plusMonths(12)) {
            YearMonth last = chunk.plusMonths(11).isAfter(to) ? to : chunk.plusMonths(11);
            JsonNode report = backend.read(Service.SESSION, "/reports/attendance", query(
                    "from", chunk.atDay(1).atStartOfDay(UK).toOffsetDateTime(),
                    "to", last.plusMonths(1).atDay(1).atStartOfDay(UK).toOffsetDateTime()));
            for (JsonNode s : report) {
                long[] n = months.get(YearMonth.from(OffsetDateTime.parse(s.path("startsAt").asText()).atZoneSameInstant(UK)));
                if (n == null) {
                    continue;
                }
                n[0]++;
                if (!s.path("startedAt").isNull() && !s.path("startedAt").isMissingNode()) {
                    n[1]++;
                }
                n[2] += s.path("invited").asLong();
                n[3] += s.path("youngPeopleAttended").asLong();
                n[4] += s.path("unknownParticipants").asLong();
            }
        }
        List<AttendanceFigures.Month> result = new ArrayList<>();
        months.forEach((m, n) -> result.add(new AttendanceFigures.Month(m, n[0], n[1], n[2], n[3], n[4])));
        return new AttendanceFigures(result);
    }

    /** One month's counts as they are added up. */
    private static final class Counting {
        long raised;
        final Map<String, Long> byRisk = new LinkedHashMap<>();
        final Map<String, Long> byCategory = new LinkedHashMap<>();
        final Map<ConcernFigures.Acknowledgement, Long> acknowledgement = new EnumMap<>(ConcernFigures.Acknowledgement.class);

        Counting() {
            RISKS.forEach(r -> byRisk.put(r, 0L));
        }

        void add(JsonNode c, OffsetDateTime raisedAt, OffsetDateTime now, Duration within) {
            raised++;
            byRisk.merge(c.path("risk").asText(), 1L, Long::sum);
            c.path("categories").forEach(cat -> byCategory.merge(cat.asText(), 1L, Long::sum));
            if ("IMMEDIATE_DANGER".equals(c.path("risk").asText())) {
                ConcernFigures.Acknowledgement how = !"RAISED".equals(c.path("status").asText())
                        ? ConcernFigures.Acknowledgement.ACKNOWLEDGED
                        : raisedAt.plus(within).isBefore(now) ? ConcernFigures.Acknowledgement.WAITING_PAST_CLOCK
                        : ConcernFigures.Acknowledgement.WAITING;
                acknowledgement.merge(how, 1L, Long::sum);
            }
        }

        ConcernFigures.Month month(YearMonth m) {
            return new ConcernFigures.Month(m, raised, byRisk, byCategory, acknowledgement);
        }
    }
}
