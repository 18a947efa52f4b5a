package org.safesessions.safeguarding;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.KeyRotation;
import org.safesessions.kit.crypto.KeyRotationMetrics;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.safeguarding.application.CouncilWebhooks;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.CouncilWebhook;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.Eventually;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key rotation finished (SPEC §5): rows sealed with key 1, key 2 made active, the job re-seals narratives, chronology
 * texts and webhook secrets with key 2, the chronology's chain stays intact with the same hashes, and with key 1
 * removed everything still reads. The configuration change is made by replacing the service's {@link FieldCipher}
 * with one built from the keys a changed configuration would hold (one Quarkus start for the whole suite).
 */
@QuarkusTest
class KeyRotationTest extends SafeguardingTestStack {

    private static final String KEY_1 = ConfigProvider.getConfig().getValue("safesessions.crypto.keys.test-1", String.class);
    private static final String KEY_2 = ConfigProvider.getConfig().getValue("safesessions.crypto.keys.test-2", String.class);

    @Inject
    KeyRotation rotation;

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    @Inject
    CouncilWebhooks webhooks;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    FieldCipher cipher;

    private static void configure(String active, String... listed) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String id : listed) {
            keys.put(id, id.equals("test-1") ? KEY_1 : KEY_2);
        }
        QuarkusMock.installMockForType(new FieldCipher(keys, active), FieldCipher.class);
    }

    /** A concern, three chronology entries and a council's webhook secret, all sealed while key 1 is active. */
    private record Written(UUID concern, String webhookSecret, String council) {
    }

    private Written writeWithKeyOne() {
        configure("test-1", "test-1", "test-2");
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        Reader dsl = Fixtures.dsl("org-a");
        workflow.acknowledge(dsl, c.id);
        workflow.record(dsl, c.id, new ConcernWorkflow.RecordEntry(ChronologyKind.NOTE, "rang the school at 10:05",
                null, null, null, null, List.of()));
        String council = "E0" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000);
        String secret = webhooks.register(council, "https://council.example/hook", "council").secret();
        return new Written(c.id, secret, council);
    }

    private Map<String, String> keyIds(String sql, Object id) throws SQLException {
        Map<String, String> ids = new LinkedHashMap<>();
        try (Connection db = dataSource.getConnection(); var st = db.prepareStatement(sql)) {
            st.setObject(1, id);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return ids;
    }

    private Map<String, String> chronologyKeys(UUID concern) throws SQLException {
        return keyIds("select id::text, body_key_id from chronology_entry where concern_id = ? order by seq", concern);
    }

    private Map<String, String> chronologyHashes(UUID concern) throws SQLException {
        return keyIds("select id::text, hash from chronology_entry where concern_id = ? order by seq", concern);
    }

    private String narrativeKey(UUID concern) throws SQLException {
        return keyIds("select id::text, narrative_key_id from concern where id = ?", concern).get(concern.toString());
    }

    private String secretKey(String council) throws SQLException {
        return keyIds("select council, secret_key_id from council_webhook where council = ?", council).get(council);
    }

    private double gauge(String table, String column) {
        return registry.find(KeyRotationMetrics.ROWS_ON_OLD_KEYS).tag("table", table).tag("column", column).gauge().value();
    }

    private long onOldKeys() {
        return rotation.counts().stream().mapToLong(KeyRotation.ColumnCount::rowsOnOldKeys).sum();
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void rowsSealedWithAnOldKeyAreResealedAndReadWithTheOldKeyRemoved() throws SQLException {
        Written w = writeWithKeyOne();
        assertEquals("test-1", narrativeKey(w.concern()));
        assertEquals(List.of("test-1", "test-1", "test-1"), List.copyOf(chronologyKeys(w.concern()).values()));
        assertEquals("test-1", secretKey(w.council()));
        Map<String, String> hashesBefore = chronologyHashes(w.concern());

        configure("test-2", "test-1", "test-2"); // key 2 made active, key 1 still listed
        assertTrue(gauge("concern", "narrative_cipher") >= 1);
        assertTrue(gauge("chronology_entry", "body_cipher") >= 3);
        assertTrue(gauge("council_webhook", "secret_cipher") >= 1);

        KeyRotation.Run run = rotation.run();
        assertTrue(run.complete());
        assertTrue(run.resealed() >= 5, "narrative, three entries and the secret at least: " + run.resealed());
        assertEquals("test-2", narrativeKey(w.concern()));
        assertEquals(List.of("test-2", "test-2", "test-2"), List.copyOf(chronologyKeys(w.concern()).values()));
        assertEquals("test-2", secretKey(w.council()));
        assertEquals(hashesBefore, chronologyHashes(w.concern()), "re-sealing changes no entry's hash");
        assertEquals(0, onOldKeys());
        assertEquals(0.0, gauge("concern", "narrative_cipher"));
        assertEquals(0.0, gauge("chronology_entry", "body_cipher"));
        assertEquals(0.0, gauge("council_webhook", "secret_cipher"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("safesessions_crypto_rows_on_old_keys{column=\"narrative_cipher\",table=\"concern\"} 0.0"));

        configure("test-2", "test-2"); // key 1 removed from the configuration
        assertEquals(List.of(), rotation.keysNotConfigured());
        given().get("/concerns/" + w.concern()).then().statusCode(200).body("narrative", equalTo(Fixtures.NARRATIVE));
        given().get("/concerns/" + w.concern() + "/chronology").then().statusCode(200)
                .body("text", hasItem("rang the school at 10:05"));
        given().get("/concerns/" + w.concern() + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(3));
        given().accept("application/json").get("/concerns/" + w.concern() + "/bundle").then().statusCode(200)
                .body("content.chain.intact", equalTo(true));
        CouncilWebhook webhook = QuarkusTransaction.requiringNew().call(() -> CouncilWebhook.<CouncilWebhook>findById(w.council()));
        assertEquals(w.webhookSecret(), cipher.open(webhook.secret(), webhook.secretBinding()));
    }

    @Test
    void anInterruptedRunIsContinuedByTheNextAndChangesNothingTwice() throws SQLException {
        Written first = writeWithKeyOne();
        Written second = writeWithKeyOne();
        configure("test-2", "test-1", "test-2");
        long before = onOldKeys();
        assertTrue(before >= 10);

        KeyRotation.Run cut = rotation.run(2, 1); // stopped after one batch of two rows, as by a restart
        assertFalse(cut.complete());
        assertEquals(2, cut.resealed());
        assertEquals(before - 2, onOldKeys());

        KeyRotation.Run rest = rotation.run();
        assertTrue(rest.complete());
        assertEquals(before - 2, rest.resealed(), "the next run re-seals only what the first left");
        assertEquals(0, onOldKeys());
        assertEquals(0, rotation.run().resealed(), "running again changes nothing");
        for (Written w : List.of(first, second)) {
            assertEquals("test-2", narrativeKey(w.concern()));
            assertEquals("test-2", secretKey(w.council()));
            assertTrue(chronologyKeys(w.concern()).values().stream().allMatch("test-2"::equals));
        }
    }

    @Test
    void startWarnsOfRowsOnAKeyThatIsNotConfigured() throws SQLException {
        Written w = writeWithKeyOne();
        configure("test-2", "test-2"); // key 1 removed too early
        List<String> warnings = rotation.keysNotConfigured();
        for (String column : List.of("concern.narrative_cipher", "chronology_entry.body_cipher", "council_webhook.secret_cipher")) {
            assertTrue(warnings.stream().anyMatch(m -> m.contains(" rows of " + column
                    + " are sealed with key 'test-1', which is not configured")), warnings.toString());
        }
        KeyRotation.Run run = rotation.run();
        assertTrue(run.unreadable() >= 5, "what does not open is counted and left: " + run.unreadable());
        assertEquals("test-1", narrativeKey(w.concern()));
        configure("test-2", "test-1", "test-2"); // listed again: the next run finishes
        assertTrue(rotation.run().complete());
        assertEquals("test-2", narrativeKey(w.concern()));
        assertEquals(List.of(), rotation.keysNotConfigured());
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void chainVerificationStillCatchesABodyResealedWithOtherText() throws SQLException {
        Written w = writeWithKeyOne();
        configure("test-2", "test-1", "test-2");
        rotation.run();
        String target = List.copyOf(chronologyKeys(w.concern()).keySet()).get(2);
        // someone holding a key re-seals an entry with other text: the database allows a key change, the chain does not
        try (Connection db = dataSource.getConnection(); var st = db.prepareStatement(
                "update chronology_entry set body_key_id = 'test-1', body_cipher = ? where id = ?::uuid")) {
            st.setBytes(1, new FieldCipher(Map.of("test-1", KEY_1), "test-1")
                    .seal("{\"text\":\"nothing happened\"}", "chronology:" + target).cipherText());
            st.setString(2, target);
            assertEquals(1, st.executeUpdate());
        }
        given().get("/concerns/" + w.concern() + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenEntryId", equalTo(target))
                .body("reason", equalTo("entry-altered"));
        try (Connection db = dataSource.getConnection(); var st = db.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate(
                    "update chronology_entry set recorded_by = 'someone', body_key_id = 'test-2' where id = '" + target + "'"),
                    "only the sealing may change");
        }
    }

    @Test
    @TestSecurity(user = "ops-1", roles = "ops")
    void opsSeeRowsPerKeyAndStartTheRun() throws SQLException {
        Written w = writeWithKeyOne();
        configure("test-2", "test-1", "test-2");
        given().get("/ops/key-rotation").then().statusCode(200)
                .body("activeKey", equalTo("test-2"))
                .body("configuredKeys", contains("test-1", "test-2"))
                .body("columns.find { it.table == 'concern' }.column", equalTo("narrative_cipher"))
                .body("columns.find { it.table == 'concern' }.rowsByKey.test-1", greaterThanOrEqualTo(1))
                .body("columns.find { it.table == 'chronology_entry' }.rowsOnOldKeys", greaterThanOrEqualTo(3))
                .body("columns.find { it.table == 'chronology_entry' }.notResealable", equalTo(0))
                .body("rowsOnOldKeys", greaterThanOrEqualTo(5));
        given().post("/ops/key-rotation/run").then().statusCode(202).body("startedAt", notNullValue());
        Eventually.await("the run finished", () -> Boolean.FALSE.equals(
                given().get("/ops/key-rotation").then().statusCode(200).extract().path("lastRun.running")));
        given().get("/ops/key-rotation").then().statusCode(200)
                .body("rowsOnOldKeys", equalTo(0))
                .body("lastRun.complete", equalTo(true))
                .body("columns.find { it.table == 'concern' }.rowsByKey.test-1", nullValue());
        assertEquals("test-2", narrativeKey(w.concern()));
    }

    @Test
    void keyRotationEndpointsWithoutTokenAre401() {
        given().get("/ops/key-rotation").then().statusCode(401);
        given().post("/ops/key-rotation/run").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a")})
    void keyRotationEndpointsAreForbiddenToSafeguardingLead() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a")})
    void keyRotationEndpointsAreForbiddenToManager() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a")})
    void keyRotationEndpointsAreForbiddenToCoordinator() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a")})
    void keyRotationEndpointsAreForbiddenToYouthWorker() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "partner-council")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a")})
    void keyRotationEndpointsAreForbiddenToPartnerCouncil() {
        forbidden();
    }

    private static void forbidden() {
        given().get("/ops/key-rotation").then().statusCode(403);
        given().post("/ops/key-rotation/run").then().statusCode(403);
    }
}
