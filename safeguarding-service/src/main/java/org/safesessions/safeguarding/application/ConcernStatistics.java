package org.safesessions.safeguarding.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.domain.Visibility;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics for trustees and councils (SPEC §5), aggregates only: never a name, a narrative or an id. They count
 * exactly the concerns the reader's list would show ({@link Visibility}), so an allegation is never counted to its
 * subject, nor to managers while a DSL other than the subject handles it. Days and months are the working-day zone's
 * (Europe/London); percentiles are nearest-rank.
 */
@ApplicationScoped
public class ConcernStatistics {

    @Inject
    EntityManager em;

    @Inject
    SafeguardingSettings settings;

    /** The statistics of the concerns raised from {@code from} to {@code to}, both days included. */
    public record Statistics(String organisation, LocalDate from, LocalDate to, ZoneId zone, long concerns,
                             List<Month> months, Acknowledgement acknowledgement, CouncilResponses councilResponses) {
    }

    /** One month: its concerns, by category (a concern counts once in each of its categories) and by risk. */
    public record Month(YearMonth month, long concerns, Map<ConcernCategory, Long> byCategory,
                        Map<RiskLevel, Long> byRisk) {
    }

    /**
     * Time from raising to a DSL's acknowledgement, of the period's concerns that have been acknowledged; and how
     * IMMEDIATE_DANGER concerns kept their acknowledgement clock.
     */
    public record Acknowledgement(long acknowledged, Double p50Minutes, Double p90Minutes,
                                 ImmediateDanger immediateDanger) {
    }

    /**
     * The period's IMMEDIATE_DANGER concerns: acknowledged within their clock or not; those still inside their clock
     * and unacknowledged are not yet decided and left out of the share.
     */
    public record ImmediateDanger(long concerns, long acknowledgedWithinClock, long notYetDue, Double shareWithinClock,
                                  long clockMinutes) {
    }

    /** Referrals made in the period (escalated then), and the time from escalation to the council's first response. */
    public record CouncilResponses(long referrals, long responded, Double p50Minutes, Double p90Minutes) {
    }

    public Statistics of(Reader reader, LocalDate from, LocalDate to, OffsetDateTime now) {
        ZoneId zone = settings.workingDayZone();
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Visibility visible = Visibility.of(reader);

        Map<YearMonth, Tally> months = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.put(m, new Tally());
        }
        List<Long> toAcknowledge = new ArrayList<>();
        long immediate = 0;
        long withinClock = 0;
        long notYetDue = 0;
        var raised = visible.bind(em.createQuery("select c.raisedAt, c.risk, c.categories, c.acknowledgedAt,"
                + " c.acknowledgementDueAt from Concern c where " + visible.condition()
                + " and c.raisedAt >= :from and c.raisedAt < :to", Object[].class));
        raised.setParameter("from", start).setParameter("to", end);
        for (Object[] row : raised.getResultList()) {
            OffsetDateTime raisedAt = (OffsetDateTime) row[0];
            RiskLevel risk = (RiskLevel) row[1];
            @SuppressWarnings("unchecked")
            Collection<ConcernCategory> categories = (Collection<ConcernCategory>) row[2];
            OffsetDateTime acknowledgedAt = (OffsetDateTime) row[3];
            OffsetDateTime dueAt = (OffsetDateTime) row[4];
            months.get(YearMonth.from(raisedAt.atZoneSameInstant(zone))).add(risk, categories);
            if (acknowledgedAt != null) {
                toAcknowledge.add(Duration.between(raisedAt, acknowledgedAt).toSeconds());
            }
            if (risk == RiskLevel.IMMEDIATE_DANGER) {
                immediate++;
                if (acknowledgedAt != null && dueAt != null && !acknowledgedAt.isAfter(dueAt)) {
                    withinClock++;
                } else if (acknowledgedAt == null && dueAt != null && dueAt.isAfter(now)) {
                    notYetDue++;
                }
            }
        }
        long decided = immediate - notYetDue;
        ImmediateDanger danger = new ImmediateDanger(immediate, withinClock, notYetDue,
                decided == 0 ? null : Math.round(1000.0 * withinClock / decided) / 1000.0,
                settings.acknowledgementWithin().toMinutes());

        var escalated = visible.bind(em.createQuery("select c.escalatedAt, (select min(e.recordedAt) from"
                + " ChronologyEntry e where e.concernId = c.id and e.kind = :response) from Concern c where "
                + visible.condition() + " and c.escalatedAt >= :from and c.escalatedAt < :to", Object[].class));
        escalated.setParameter("from", start).setParameter("to", end)
                .setParameter("response", ChronologyKind.COUNCIL_RESPONSE);
        List<Long> toRespond = new ArrayList<>();
        long referrals = 0;
        for (Object[] row : escalated.getResultList()) {
            referrals++;
            if (row[1] != null) {
                toRespond.add(Duration.between((OffsetDateTime) row[0], (OffsetDateTime) row[1]).toSeconds());
            }
        }

        long concerns = months.values().stream().mapToLong(t -> t.concerns).sum();
        return new Statistics(reader.organisation(), from, to, zone, concerns,
                months.entrySet().stream().map(m -> m.getValue().month(m.getKey())).toList(),
                new Acknowledgement(toAcknowledge.size(), minutes(percentile(toAcknowledge, 50)),
                        minutes(percentile(toAcknowledge, 90)), danger),
                new CouncilResponses(referrals, toRespond.size(), minutes(percentile(toRespond, 50)),
                        minutes(percentile(toRespond, 90))));
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
    static Long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static Double minutes(Long seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

    private static final class Tally {
        long concerns;
        final Map<ConcernCategory, Long> byCategory = new EnumMap<>(ConcernCategory.class);
        final Map<RiskLevel, Long> byRisk = new EnumMap<>(RiskLevel.class);

        Tally() {
            for (ConcernCategory c : ConcernCategory.values()) {
                byCategory.put(c, 0L);
            }
            for (RiskLevel r : RiskLevel.values()) {
                byRisk.put(r, 0L);
            }
        }

        void add(RiskLevel risk, Collection<ConcernCategory> categories) {
            concerns++;
            byRisk.merge(risk, 1L, Long::sum);
            categories.forEach(c -> byCategory.merge(c, 1L, Long::sum));
        }

        Month month(YearMonth month) {
            return new Month(month, concerns, byCategory, byRisk);
        }
    }
}
