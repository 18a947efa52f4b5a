package org.safesessions.consent;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.application.SubjectAccessRequests;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.KeyRotation;
import org.safesessions.kit.crypto.KeyRotationMetrics;
import org.safesessions.testkit.Eventually;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key rotation finished (SPEC §3, §5): requesters' names sealed with key 1 (the tests' active key), key 2 made active,
 * the job re-seals them with key 2, and with key 1 removed every request still reads. The configuration change is
 * made by replacing the service's {@link FieldCipher} with one built from the keys a changed configuration holds.
 */
@QuarkusTest
class KeyRotationTest extends ConsentTestStack {

    private static final String PATH = "/subject-access-requests";
    private static final String KEY_1 = ConfigProvider.getConfig().getValue("safesessions.crypto.keys.test1", String.class);
    private static final String KEY_2 = ConfigProvider.getConfig().getValue("safesessions.crypto.keys.test2", String.class);

    @Inject
    KeyRotation rotation;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    SubjectAccessRequests requests;

    /**
     * Back to the tests' configuration: everything re-sealed with test1, so that the tests after this one, whose
     * configuration lists no second key, open every row.
     */
    @AfterEach
    void everythingBackOnTest1() {
        configure("test1", "test1", "test2");
        assertTrue(rotation.run().complete());
        assertEquals(0, onOldKeys());
    }

    private static void configure(String active, String... listed) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String id : listed) {
            keys.put(id, id.equals("test1") ? KEY_1 : KEY_2);
        }
        QuarkusMock.installMockForType(new FieldCipher(keys, active), FieldCipher.class);
    }

    /** A subject access request received while key 1 is active; returns its id. */
    private static String receive(String requester) {
        YoungPerson yp = TestData.youngPerson("org-a", "Rotated Robin");
        return given().contentType(ContentType.JSON).body("""
                        {"youngPersonId":"%s","requesterName":"%s","relationship":"mother","receivedOn":"%s"}"""
                        .formatted(yp.id, requester, LocalDate.now()))
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    private String keyOf(String id) throws SQLException {
        try (Connection db = dataSource.getConnection();
             var st = db.prepareStatement("select requester_key_id from subject_access_request where id = ?")) {
            st.setObject(1, UUID.fromString(id));
            try (var rs = st.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private double gauge() {
        return registry.find(KeyRotationMetrics.ROWS_ON_OLD_KEYS).tag("table", "subject_access_request")
                .tag("column", "requester_cipher").gauge().value();
    }

    private long onOldKeys() {
        return rotation.counts().stream().mapToLong(KeyRotation.ColumnCount::rowsOnOldKeys).sum();
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void requestersSealedWithAnOldKeyAreResealedAndReadWithTheOldKeyRemoved() throws SQLException {
        String id = receive("Pat Parent");
        assertEquals("test1", keyOf(id));

        configure("test2", "test1", "test2");
        assertTrue(gauge() >= 1, "the request waits on key 1");
        KeyRotation.Run run = rotation.run();
        assertTrue(run.complete());
        assertTrue(run.resealed() >= 1);
        assertEquals("test2", keyOf(id));
        assertEquals(0, onOldKeys());
        assertEquals(0.0, gauge());
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "safesessions_crypto_rows_on_old_keys{column=\"requester_cipher\",table=\"subject_access_request\"} 0.0"));

        configure("test2", "test2"); // key 1 removed from the configuration
        assertEquals(List.of(), rotation.keysNotConfigured());
        given().get(PATH + "/" + id).then().statusCode(200).body("requesterName", equalTo("Pat Parent"));
        given().get(PATH).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void anInterruptedRunIsContinuedByTheNextAndChangesNothingTwice() throws SQLException {
        List<String> ids = List.of(receive("Ari Aunt"), receive("Bo Brother"), receive("Cy Carer"));
        configure("test2", "test1", "test2");
        long before = onOldKeys();
        assertTrue(before >= 3);

        KeyRotation.Run cut = rotation.run(1, 1); // stopped after one batch of one row, as by a restart
        assertFalse(cut.complete());
        assertEquals(1, cut.resealed());
        assertEquals(before - 1, onOldKeys());
        assertEquals(before - 1, gauge());

        KeyRotation.Run rest = rotation.run(1, Integer.MAX_VALUE);
        assertTrue(rest.complete());
        assertEquals(before - 1, rest.resealed(), "the next run re-seals only what the first left");
        assertEquals(0, rotation.run().resealed(), "running again changes nothing");
        for (String id : ids) {
            assertEquals("test2", keyOf(id));
        }
        configure("test2", "test2");
        given().get(PATH + "/" + ids.get(2)).then().statusCode(200).body("requesterName", equalTo("Cy Carer"));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void startWarnsOfRequestersOnAKeyThatIsNotConfigured() throws SQLException {
        String id = receive("Dee Dad");
        configure("test2", "test2"); // key 1 removed too early
        List<String> warnings = rotation.keysNotConfigured();
        assertTrue(warnings.stream().anyMatch(m -> m.contains(" rows of subject_access_request.requester_cipher are "
                + "sealed with key 'test1', which is not configured")), warnings.toString());
        assertFalse(warnings.toString().contains("Dee Dad"));
        KeyRotation.Run run = rotation.run();
        assertTrue(run.unreadable() >= 1, "what does not open is counted and left");
        assertEquals("test1", keyOf(id));
        configure("test2", "test1", "test2"); // listed again: the next run finishes
        assertTrue(rotation.run().complete());
        assertEquals("test2", keyOf(id));
    }

    @Test
    @TestSecurity(user = "ops-1", roles = "ops")
    void opsSeeRowsPerKeyAndStartTheRun() throws SQLException {
        YoungPerson yp = TestData.youngPerson("org-a", "Rotated Robin");
        String id = requests.receive("org-a", new SubjectAccessRequests.Receive(yp.id, "Eli Elder", "grandparent",
                LocalDate.now()), "dsl-a").request().id.toString();
        configure("test2", "test1", "test2");
        given().get("/ops/key-rotation").then().statusCode(200)
                .body("activeKey", equalTo("test2"))
                .body("columns[0].table", equalTo("subject_access_request"))
                .body("columns[0].column", equalTo("requester_cipher"))
                .body("columns[0].rowsByKey.test1", greaterThanOrEqualTo(1))
                .body("rowsOnOldKeys", greaterThanOrEqualTo(1));
        given().post("/ops/key-rotation/run").then().statusCode(202).body("startedAt", notNullValue());
        Eventually.await("the run finished", () -> Boolean.FALSE.equals(
                given().get("/ops/key-rotation").then().statusCode(200).extract().path("lastRun.running")));
        given().get("/ops/key-rotation").then().statusCode(200)
                .body("rowsOnOldKeys", equalTo(0)).body("lastRun.complete", equalTo(true))
                .body("columns[0].rowsByKey.test1", nullValue());
        assertEquals("test2", keyOf(id));
    }

    @Test
    void keyRotationEndpointsWithoutTokenAre401() {
        given().get("/ops/key-rotation").then().statusCode(401);
        given().post("/ops/key-rotation/run").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToSafeguardingLead() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToManager() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToCoordinator() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToYouthWorker() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToPartnerCouncil() {
        forbidden();
    }

    private static void forbidden() {
        given().get("/ops/key-rotation").then().statusCode(403);
        given().post("/ops/key-rotation/run").then().statusCode(403);
    }
}
