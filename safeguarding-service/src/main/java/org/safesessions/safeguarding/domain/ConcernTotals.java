package org.safesessions.safeguarding.domain;

import jakarta.persistence.EntityManager;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.staff.StaffDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A concern list's total without counting the list (issue 15): the kept counts per organisation, status, risk and
 * whether a concern is an allegation against staff (V23, kept by triggers on {@code concern}), corrected by the few
 * allegations {@link Visibility}'s rule decides one by one. It counts exactly what {@link Visibility} shows:
 * <ul>
 *     <li>a DSL: every concern of the organisation, less the allegations about the DSL;</li>
 *     <li>a manager: every concern that is not an allegation; and the allegations the managers handle: about the sole
 *     DSL (less any about the manager), or, with no DSL at all, every allegation less those about the manager;</li>
 *     <li>a reader without a user id: no allegation at all.</li>
 * </ul>
 * The correction counts allegations about one member of staff (index {@code concern_allegation_subject}), so the total
 * does not grow with the table. Youth workers and coordinators see only what they raised: their total is counted, from
 * their own rows ({@link #keptFor} is empty).
 */
public final class ConcernTotals {

    private ConcernTotals() {
    }

    /** The total of {@code reader}'s list, optionally of one status and one risk; empty when it must be counted. */
    public static OptionalLong keptFor(EntityManager em, Reader reader, ConcernStatus status, RiskLevel risk) {
        if (reader.reach() == Reader.Reach.OWN_SUMMARY) {
            return OptionalLong.empty();
        }
        long others = kept(em, reader.organisation(), status, risk, false);
        if (reader.userId() == null) {
            return OptionalLong.of(others);
        }
        long allegations = switch (reader.reach()) {
            case ALL -> kept(em, reader.organisation(), status, risk, true) - about(em, reader, status, risk);
            case ALL_BUT_STAFF_ALLEGATIONS -> {
                Set<String> dsls = reader.organisationDsls().get();
                if (dsls.size() > 1) {
                    yield 0;
                }
                if (dsls.isEmpty()) {
                    yield kept(em, reader.organisation(), status, risk, true) - about(em, reader, status, risk);
                }
                String soleDsl = dsls.iterator().next();
                yield soleDsl.equals(reader.userId()) ? 0 : soleDslAllegations(em, reader, soleDsl, status, risk);
            }
            case OWN_SUMMARY -> throw new IllegalStateException("counted");
        };
        return OptionalLong.of(others + allegations);
    }

    private static long kept(EntityManager em, String organisation, ConcernStatus status, RiskLevel risk,
                             boolean staffAllegation) {
        var q = em.createNativeQuery("select coalesce(sum(concerns), 0) from concern_count where organisation = :org"
                + " and staff_allegation = :allegation" + (status == null ? "" : " and status = :status")
                + (risk == null ? "" : " and risk = :risk"));
        q.setParameter("org", organisation).setParameter("allegation", staffAllegation);
        if (status != null) {
            q.setParameter("status", status.name());
        }
        if (risk != null) {
            q.setParameter("risk", risk.name());
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Allegations in the organisation about the reader (by id; rows from before ids by canonical name). */
    private static long about(EntityManager em, Reader reader, ConcernStatus status, RiskLevel risk) {
        return count(em, reader, status, risk, "(c.subjectStaffId = :me or (c.subjectStaffId is null"
                + " and c.subjectStaffUser = :myName))", null);
    }

    /** Allegations about the organisation's sole DSL, none of them about the reader (rows have that DSL's id). */
    private static long soleDslAllegations(EntityManager em, Reader reader, String soleDsl, ConcernStatus status,
                                           RiskLevel risk) {
        return count(em, reader, status, risk, "c.subjectStaffId = :soleDsl", soleDsl);
    }

    private static long count(EntityManager em, Reader reader, ConcernStatus status, RiskLevel risk, String subject,
                              String soleDsl) {
        List<String> where = new ArrayList<>(List.of("c.organisation = :org", "c.subjectType = :staff", subject));
        if (status != null) {
            where.add("c.status = :status");
        }
        if (risk != null) {
            where.add("c.risk = :risk");
        }
        var q = em.createQuery("select count(c) from Concern c where " + String.join(" and ", where), Long.class)
                .setParameter("org", reader.organisation()).setParameter("staff", SubjectType.STAFF_MEMBER);
        if (soleDsl != null) {
            q.setParameter("soleDsl", soleDsl);
        } else {
            q.setParameter("me", reader.userId());
            q.setParameter("myName", reader.userName() == null ? "" : StaffDirectory.canonical(reader.userName()));
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        if (risk != null) {
            q.setParameter("risk", risk);
        }
        return q.getSingleResult();
    }
}
