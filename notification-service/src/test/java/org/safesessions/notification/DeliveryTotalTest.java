package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.notification.domain.Delivery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue 15: the organisation's delivery total (V13) is kept over 16 slots (V15), so that two transactions queueing
 * messages on different connections do not wait on each other's counter row until commit, and it is still exactly
 * what counting the records would give, whichever connections added and took away rows.
 */
@QuarkusTest
class DeliveryTotalTest extends NotificationTestStack {

    @Inject
    DataSource dataSource;

    @Test
    void queueingTransactionsOnTwoConnectionsDoNotWaitForEachOthersTotal() throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            Connection first = open(opened);
            Connection second = open(opened);
            while (slot(second) == slot(first)) {
                second = open(opened); // the same slot would wait, as two transactions did on the one row before V15
            }
            first.setAutoCommit(false);
            insert(first, UUID.randomUUID());
            try (var st = second.createStatement()) {
                st.execute("set lock_timeout = '2s'"); // waiting on first's counter row would fail here
            }
            insert(second, UUID.randomUUID());
            first.commit();
            first.setAutoCommit(true);
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
        assertEquals(counted(), kept());
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void totalIsTheCountWhenRowsAreAddedAndTakenAwayOnDifferentConnections() throws SQLException {
        UUID added = UUID.randomUUID();
        List<Connection> opened = new ArrayList<>();
        try {
            Connection adding = open(opened);
            Connection removing = open(opened);
            while (slot(removing) == slot(adding)) {
                removing = open(opened);
            }
            insert(adding, added);
            insert(adding, UUID.randomUUID());
            insertFor(removing, "org-b", UUID.randomUUID()); // another organisation's row, in the slot that takes one away
            try (var st = removing.prepareStatement("delete from delivery where id = ?")) {
                st.setObject(1, added);
                assertEquals(1, st.executeUpdate()); // its slot goes down though the row was counted in another
            }
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
        assertEquals(counted(), kept(), "org-a's total: org-b's row in the same slot is not in it");
        given().get("/notifications?size=1").then().statusCode(200).body("total", equalTo((int) counted()));
        assertNotEquals(0L, counted());
    }

    private Connection open(List<Connection> opened) throws SQLException {
        Connection c = dataSource.getConnection();
        opened.add(c);
        return c;
    }

    private static int slot(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("select pg_backend_pid() % 16")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A sent email record of org-a: no sender picks it up, and no feed count follows it. */
    private static void insert(Connection c, UUID id) throws SQLException {
        insertFor(c, "org-a", id);
    }

    private static void insertFor(Connection c, String organisation, UUID id) throws SQLException {
        try (var st = c.prepareStatement("""
                insert into delivery (id, organisation, event_id, template_key, recipient_kind, recipient_id, channel,
                                      status, created_at)
                values (?, ?, ?, 'consent-recorded', 'GUARDIAN', ?, 'EMAIL', 'SENT', now())""")) {
            st.setObject(1, id);
            st.setString(2, organisation);
            st.setString(3, "total-test-" + id);
            st.setObject(4, UUID.randomUUID());
            assertEquals(1, st.executeUpdate());
        }
    }

    private static long counted() {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("organisation", "org-a"));
    }

    private static long kept() {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.countOfOrganisation("org-a"));
    }
}
