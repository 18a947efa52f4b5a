package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.application.ConsentCheckCache;
import org.safesessions.consent.application.ConsentCheckInputs;
import org.safesessions.testkit.Eventually;
import org.safesessions.testkit.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consent check answers from memory (ConsentCheckCache), and a safeguard must never rest on a stale answer:
 * whatever changes what the check reads, through this service or around it, is heard, and the next answer is new.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ConsentCheckCacheTest extends ConsentTestStack {

    /** Long enough for a reconnect (up to 1 s to notice the cut, 0.5 s backoff) on a loaded machine. */
    private static final Duration HEARD_WITHIN = Duration.ofSeconds(30);

    @Inject
    ConsentCheckCache cache;

    private static ValidatableResponse check(String youngPersonId) {
        return given().queryParam("youngPersonId", youngPersonId).queryParam("scope", "GROUP_SESSIONS")
                .queryParam("platform", "ZOOM").get("/consent-checks").then();
    }

    private static boolean allowed(String youngPersonId) {
        return check(youngPersonId).statusCode(200).extract().<Boolean>path("allowed");
    }

    /** Runs SQL as another replica, a scheduled pass or a fix by hand would: straight into the database. */
    private static void elsewhere(String sql, Object... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresResource.adminJdbcUrl());
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** A withdrawal another replica recorded: the row, straight into the database. */
    private static void withdrawnElsewhere(String consentId, String youngPersonId) throws SQLException {
        elsewhere("""
                insert into consent_withdrawal (consent_id, organisation, young_person_id, withdrawn_at, withdrawn_by, reason)
                values (?::uuid, 'org-a', ?::uuid, now() - interval '1 minute', 'another-replica', 'moved away')""",
                consentId, youngPersonId);
    }

    private void awaitListening() {
        Eventually.await("the consent check hears changes", HEARD_WITHIN, cache::listening);
    }

    @Test
    void aWithdrawalIsHonouredAtOnceThoughTheAnswerWasInMemory() {
        awaitListening();
        String[] ids = Fixtures.register("Cached Cass");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        check(ids[0]).statusCode(200).body("allowed", equalTo(true));
        check(ids[0]).statusCode(200).body("allowed", equalTo(true)); // the second answer came from memory
        Fixtures.withdraw(consentId);
        // no wait: the withdrawal's own commit forgot what was known
        check(ids[0]).statusCode(200).body("allowed", equalTo(false)).body("reasons", contains("WITHDRAWN"));
    }

    @Test
    void aWithdrawalWrittenAroundTheServiceIsHeard() throws SQLException {
        awaitListening();
        String[] ids = Fixtures.register("Elsewhere Ezra");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        check(ids[0]).statusCode(200).body("allowed", equalTo(true));
        withdrawnElsewhere(consentId, ids[0]);
        Eventually.await("the withdrawal written elsewhere is heard", HEARD_WITHIN, () -> !allowed(ids[0]));
        check(ids[0]).body("reasons", contains("WITHDRAWN"));
    }

    @Test
    @TestSecurity(user = "coord-policy", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-cache-policy"))
    void aPolicyChangedAroundTheServiceIsHeardForEveryone() throws SQLException {
        awaitListening();
        String[] ids = Fixtures.register("Policy Pip");
        Fixtures.consent(ids[0], ids[1]);
        check(ids[0]).statusCode(200).body("allowed", equalTo(true));
        elsewhere("""
                insert into organisation_settings (organisation, self_consent_allowed, default_consent_validity,
                    reminder_lead_days, retention_period, agreement_required_for_group_sessions, updated_at, updated_by)
                values ('org-cache-policy', true, 'P12M', 14, 'P3Y', true, now(), 'manager-elsewhere')""");
        Eventually.await("the policy written elsewhere is heard", HEARD_WITHIN, () -> !allowed(ids[0]));
        check(ids[0]).body("reasons", contains("AGREEMENT_MISSING"));
    }

    @Test
    @TestSecurity(user = "coord-b", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsYoungPersonIsNotFoundThoughTheirAnswerIsInMemory() throws SQLException {
        awaitListening();
        UUID theirs = UUID.randomUUID();
        elsewhere("""
                insert into young_person (id, organisation, preferred_name, date_of_birth, local_authority_code,
                                          registered_at, registered_by, last_active_at)
                values (?, 'org-a', 'Tenant Tam', current_date - 5000, 'E09000024', now(), 'coord-a', now())""", theirs);
        check(theirs.toString()).statusCode(404);
        ConsentCheckInputs known = cache.inputs(theirs, id -> {
            throw new AssertionError("the first check's read was not kept");
        });
        assertEquals("org-a", known.organisation());
        check(theirs.toString()).statusCode(404); // answered from memory, and still not theirs to see
    }

    @Test
    void aReadThatRacedAChangeIsNotKept() {
        awaitListening();
        UUID someone = UUID.randomUUID();
        ConsentCheckInputs read = new ConsentCheckInputs("org-a", false, null, List.of());
        AtomicInteger reads = new AtomicInteger();
        cache.inputs(someone, id -> {
            reads.incrementAndGet();
            cache.changed(id); // a change heard while this read was under way
            return read;
        });
        cache.inputs(someone, id -> {
            reads.incrementAndGet();
            return read;
        });
        assertEquals(2, reads.get(), "the read that raced a change was kept");
        cache.inputs(someone, id -> {
            reads.incrementAndGet();
            return read;
        });
        assertEquals(2, reads.get(), "a read with no change under way was not kept");
    }

    @Test
    void afterItsNoticesAreCutOffTheCacheListensAgainAndForgetsWhatItKnew() throws SQLException {
        awaitListening();
        String[] ids = Fixtures.register("Reconnect Remy");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        check(ids[0]).statusCode(200).body("allowed", equalTo(true));
        int before = listenerPid();
        elsewhere("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'consent-check-notices'");
        Eventually.await("a new listener", HEARD_WITHIN, () -> {
            int now = listenerPidOrZero(); // 0 while the old one has gone and no new one has come yet
            return cache.listening() && now != 0 && now != before;
        });
        withdrawnElsewhere(consentId, ids[0]);
        Eventually.await("the withdrawal is heard by the new listener", HEARD_WITHIN, () -> !allowed(ids[0]));
    }

    private static int listenerPid() throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresResource.adminJdbcUrl());
             ResultSet rows = c.createStatement().executeQuery(
                     "select pid from pg_stat_activity where application_name = 'consent-check-notices'")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static int listenerPidOrZero() {
        try {
            return listenerPid();
        } catch (SQLException e) {
            return 0;
        }
    }
}
