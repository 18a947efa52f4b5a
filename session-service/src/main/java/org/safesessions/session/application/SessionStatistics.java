package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.safesessions.events.session.SessionKind;
import org.safesessions.session.domain.InvitationStatus;
import org.safesessions.session.domain.SessionStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions held and attendance for trustees and councils (SPEC §5), aggregates only: never a name, a title or an id.
 * A session is <em>held</em> once it has started (STARTED, ENDED, TERMINATED_EARLY; never a cancelled one or one that
 * never began), and counts in the Europe/London month of its booked start, as the attendance report does. Invited
 * are the young people still invited to a held session (a session that has begun can no longer be changed), attended
 * those of them with an attendance row marked attended, reached the distinct young people who attended. Counted by
 * the database, one row per month plus the period's total ({@code rollup}), not by loading sessions.
 */
@ApplicationScoped
public class SessionStatistics {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    static final List<String> HELD = List.of(SessionStatus.STARTED.name(), SessionStatus.ENDED.name(),
            SessionStatus.TERMINATED_EARLY.name());

    @Inject
    EntityManager em;

    /** The period's totals and every month of it, zeros included; the rate is null where no one was invited. */
    public record Statistics(String organisation, LocalDate from, LocalDate to, ZoneId zone, Tally total,
                             List<Month> months) {
    }

    public record Month(YearMonth month, Tally tally) {
    }

    public record Tally(long sessionsHeld, long groupSessions, long oneToOnes, long youngPeopleReached, long invited,
                        long attended) {
        static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0);

        /** attended ÷ invited to three places; null when no one was invited. */
        public Double attendanceRate() {
            return invited == 0 ? null : Math.round(1000.0 * attended / invited) / 1000.0;
        }
    }

    /** The statistics of the sessions whose booked start falls from {@code from} to {@code to}, both days included. */
    @Transactional
    public Statistics of(String organisation, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select month,
                               count(distinct session_id),
                               count(distinct session_id) filter (where kind = :group),
                               count(distinct session_id) filter (where kind = :oneToOne),
                               count(distinct young_person_id) filter (where attended),
                               count(young_person_id),
                               count(young_person_id) filter (where attended)
                        from (select to_char(s.starts_at at time zone :zone, 'YYYY-MM') as month, s.id as session_id,
                                     s.kind, i.young_person_id,
                                     exists (select 1 from attendance a where a.session_id = s.id
                                             and a.young_person_id = i.young_person_id and a.attended) as attended
                              from session s
                              left join invitation i on i.session_id = s.id and i.status = :invited
                              where s.organisation = :organisation and s.status in (:held)
                                and s.starts_at >= :from and s.starts_at < :to) held
                        group by rollup (month)""")
                .setParameter("zone", ZONE.getId())
                .setParameter("group", SessionKind.GROUP.name())
                .setParameter("oneToOne", SessionKind.ONE_TO_ONE.name())
                .setParameter("invited", InvitationStatus.INVITED.name())
                .setParameter("organisation", organisation)
                .setParameter("held", HELD)
                .setParameter("from", start)
                .setParameter("to", end)
                .getResultList();

        Map<YearMonth, Tally> months = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.put(m, Tally.NONE);
        }
        Tally total = Tally.NONE;
        for (Object[] row : rows) {
            Tally tally = new Tally(count(row[1]), count(row[2]), count(row[3]), count(row[4]), count(row[5]),
                    count(row[6]));
            if (row[0] == null) {
                total = tally;
            } else {
                months.put(YearMonth.parse((String) row[0]), tally);
            }
        }
        return new Statistics(organisation, from, to, ZONE, total,
                months.entrySet().stream().map(m -> new Month(m.getKey(), m.getValue())).toList());
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
