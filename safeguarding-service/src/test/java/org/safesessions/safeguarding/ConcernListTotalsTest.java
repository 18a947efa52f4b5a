package org.safesessions.safeguarding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ConcernStatus;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.domain.Visibility;
import org.safesessions.testkit.KeycloakResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, "lists at scale": the concern list's total comes from counts kept by triggers (V23) and a correction for
 * the allegations the visibility rule decides one by one; it must equal counting the list's rule row by row, for
 * every reader, an allegation's subject included, and with every filter.
 */
@QuarkusTest
class ConcernListTotalsTest extends SafeguardingTestStack {

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private static final String DSL_A = KeycloakResource.idOf("dsl-a");
    private static final String DSL2_A = KeycloakResource.idOf("dsl2-a");

    /** The list's rule counted row by row: the total as it was counted before V23. */
    private long counted(Reader reader, ConcernStatus status, RiskLevel risk) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Visibility v = Visibility.of(reader);
            var q = em.createQuery("select count(c) from Concern c where " + v.condition()
                    + (status == null ? "" : " and c.status = :status") + (risk == null ? "" : " and c.risk = :risk"), Long.class);
            v.bind(q);
            if (status != null) {
                q.setParameter("status", status);
            }
            if (risk != null) {
                q.setParameter("risk", risk);
            }
            return q.getSingleResult();
        });
    }

    private long listed(Reader reader, ConcernStatus status, RiskLevel risk) {
        return QuarkusTransaction.requiringNew().call(() -> register.list(reader, status, risk, 0, 1).total());
    }

    private static Reader manager(Set<String> dsls) {
        return new Reader("org-a", "manager-a", KeycloakResource.idOf("manager-a"), Reader.Reach.ALL_BUT_STAFF_ALLEGATIONS,
                () -> dsls);
    }

    private void assertTotalsAsCounted(String when) {
        List<Reader> readers = List.of(
                Fixtures.dsl("org-a"),                                                   // the subject of allegations
                Fixtures.reader("org-a", "dsl2-a", Reader.Reach.ALL),                    // a DSL who is not
                manager(Set.of(DSL_A)),                                                  // managers handle dsl-a's
                manager(Set.of(DSL_A, DSL2_A)),                                          // DSLs handle every allegation
                manager(Set.of()),                                                       // no DSL: managers handle all
                Fixtures.reader("org-a", "worker-a", Reader.Reach.OWN_SUMMARY),          // the subject of one, and author
                new Reader("org-a", "dsl-a", null, Reader.Reach.ALL),                    // no user id: no allegation
                Fixtures.dsl("org-b"));
        List<ConcernStatus> statuses = new ArrayList<>(Arrays.asList(ConcernStatus.values()));
        statuses.add(null);
        List<RiskLevel> risks = new ArrayList<>(Arrays.asList(RiskLevel.values()));
        risks.add(null);
        for (Reader reader : readers) {
            for (ConcernStatus status : statuses) {
                for (RiskLevel risk : risks) {
                    assertEquals(counted(reader, status, risk), listed(reader, status, risk), when + ": "
                            + reader.userName() + " (" + reader.reach() + ", " + reader.organisationDsls().get().size()
                            + " DSLs) " + status + " " + risk);
                }
            }
        }
    }

    private Map<String, Long> grouped(String sql) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection db = dataSource.getConnection(); var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }

    @Test
    void theKeptListTotalEqualsCountingForEveryReaderIncludingAnAllegationsSubject() throws SQLException {
        Concern youngPerson = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        Fixtures.raiseAs(register, "org-a", "worker2-a", SubjectType.YOUNG_PERSON, null, RiskLevel.MEDIUM);
        Concern aboutDsl = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.HIGH);
        Fixtures.raiseAs(register, "org-a", "worker2-a", SubjectType.STAFF_MEMBER, "DSL-A", RiskLevel.MEDIUM);
        Fixtures.raiseAs(register, "org-a", "dsl2-a", SubjectType.STAFF_MEMBER, "worker-a", RiskLevel.LOW);
        Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "dsl2-a", RiskLevel.HIGH);
        Concern fromBeforeIds = Fixtures.raiseAs(register, "org-a", "worker2-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.LOW);
        try (Connection db = dataSource.getConnection();
             var st = db.prepareStatement("update concern set subject_staff_id = null where id = ?")) {
            st.setObject(1, fromBeforeIds.id); // known by name only, as rows raised before ids were
            assertEquals(1, st.executeUpdate());
        }
        Fixtures.raiseAs(register, "org-b", "worker-b", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        assertTotalsAsCounted("raised");

        Reader dsl2 = Fixtures.reader("org-a", "dsl2-a", Reader.Reach.ALL);
        workflow.acknowledge(dsl2, youngPerson.id);
        workflow.acknowledge(dsl2, aboutDsl.id);
        workflow.startReview(dsl2, aboutDsl.id, null);
        assertTotalsAsCounted("moved");

        long dslTotal = listed(Fixtures.dsl("org-a"), null, null);
        long otherDslTotal = listed(dsl2, null, null);
        assertTrue(otherDslTotal - dslTotal >= 3, "the three allegations about dsl-a are never counted to dsl-a");
    }

    @Test
    void theKeptCountsEqualTheConcernsByOrganisationStatusRiskAndKind() throws SQLException {
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.LOW);
        workflow.acknowledge(Fixtures.dsl("org-a"), c.id);
        Map<String, Long> kept = grouped("select organisation || ' ' || status || ' ' || risk || ' ' || staff_allegation,"
                + " concerns from concern_count where concerns > 0");
        Map<String, Long> counted = grouped("select organisation || ' ' || status || ' ' || risk || ' '"
                + " || (subject_type = 'STAFF_MEMBER'), count(*) from concern group by 1");
        assertEquals(counted, kept);
    }
}
