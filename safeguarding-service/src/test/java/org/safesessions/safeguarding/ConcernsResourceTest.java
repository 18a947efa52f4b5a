package org.safesessions.safeguarding;

import org.safesessions.testkit.DemoStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.testkit.KafkaProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.config.ConfigProvider;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.Sealed;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raising and reading concerns: roles, tenancy, bad input, encryption at rest, the access log, retention. */
@QuarkusTest
class ConcernsResourceTest extends SafeguardingTestStack {

    @Inject
    ConcernRegister register;

    @Inject
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    private String concernOfOrgA() {
        return Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH).id.toString();
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void anyStaffRoleRaisesAConcernAndTheWorkerSeesASummary() {
        String id = given().contentType(ContentType.JSON).body(Fixtures.concernBody("HIGH"))
                .post("/concerns").then().statusCode(201)
                .header("Location", containsString("/concerns/"))
                .body("reference", matchesPattern("SG-\\d{4}-\\d{6}"))
                .body("status", equalTo("RAISED"))
                .body("categories", hasItems("SEXTING", "SEXUAL_EXPLOITATION"))
                .body("narrative", nullValue())
                .body("youngPersonId", nullValue())
                .extract().path("id");
        given().get("/concerns/" + id).then().statusCode(200)
                .body("raisedBy", equalTo("worker-a"))
                .body("narrative", nullValue());
        given().get("/concerns").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.raisedBy", everyItem(equalTo("worker-a")));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void dslReadsTheWholeConcernWithItsNarrative() {
        String id = concernOfOrgA();
        given().get("/concerns/" + id).then().statusCode(200)
                .body("narrative", equalTo(Fixtures.NARRATIVE))
                .body("youngPersonId", notNullValue())
                .body("raisedAt", matchesPattern(".*(Z|[+-]\\d\\d:\\d\\d)$"))
                .body("reviewDueOn", notNullValue());
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a"), @Claim(key = "sub", value = DemoStaff.COORD_A)})
    void listIsPagedNewestFirstAndFiltersByStatusAndRisk() {
        String older = Fixtures.raise("LOW");
        String newer = Fixtures.raise("MEDIUM");
        List<String> ids = given().get("/concerns?size=200").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(200)).body("total", greaterThanOrEqualTo(2))
                .extract().path("items.id");
        assertTrue(ids.indexOf(newer) < ids.indexOf(older), "newest first");
        given().get("/concerns?risk=MEDIUM&status=RAISED&size=200").then().statusCode(200)
                .body("items.id", hasItem(newer)).body("items.id", not(hasItem(older)))
                .body("items.risk", everyItem(equalTo("MEDIUM")));
        given().get("/concerns?page=0&size=1").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void everyEndpointWithoutTokenIs401() {
        String id = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Fixtures.concernBody("LOW")).post("/concerns").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType(startsWith("application/problem+json"));
        for (String path : List.of("/concerns", "/concerns/" + id, "/concerns/" + id + "/access-log",
                "/concerns/" + id + "/chronology", "/concerns/" + id + "/chronology/verification", "/concerns/overdue",
                "/concerns/retention-review", "/council/referrals", "/council/referrals/" + id, "/council/webhook",
                "/council/webhook/deliveries")) {
            given().get(path).then().statusCode(401);
        }
        for (String path : List.of("/acknowledgement", "/review", "/monitoring", "/escalation", "/closure", "/chronology")) {
            given().contentType(ContentType.JSON).body("{}").post("/concerns/" + id + path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body("{}").post("/council/referrals/" + id + "/responses").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put("/council/webhook").then().statusCode(401);
        given().delete("/council/webhook").then().statusCode(401);
    }

    /** Only DSLs move the workflow or write the chronology; the others get 403 whatever the concern. */
    private static void workflowIsForbidden(String id) {
        for (String path : List.of("/acknowledgement", "/review", "/monitoring", "/escalation", "/closure", "/chronology")) {
            given().contentType(ContentType.JSON).body("{}").post("/concerns/" + id + path).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    /** The reads only DSLs and managers have. */
    private static void dslAndManagerReadsAreForbidden(String id) {
        for (String path : List.of("/concerns/" + id + "/access-log", "/concerns/" + id + "/chronology",
                "/concerns/" + id + "/chronology/verification", "/concerns/overdue", "/concerns/retention-review")) {
            given().get(path).then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
    }

    private static void councilEndpointsAreForbidden(String id) {
        given().get("/council/webhook").then().statusCode(403);
        given().delete("/council/webhook").then().statusCode(403);
        given().get("/council/referrals").then().statusCode(403);
        given().get("/council/referrals/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/council/referrals/" + id + "/responses").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"url\":\"https://example.org/hook\"}").put("/council/webhook").then().statusCode(403);
        given().get("/council/webhook/deliveries").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void youthWorkerIsForbiddenTheDslAndCouncilEndpoints() {
        String id = Fixtures.raise("LOW");
        workflowIsForbidden(id);
        councilEndpointsAreForbidden(id);
        dslAndManagerReadsAreForbidden(id);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a"), @Claim(key = "sub", value = DemoStaff.COORD_A)})
    void coordinatorIsForbiddenTheDslAndCouncilEndpoints() {
        String id = Fixtures.raise("LOW");
        workflowIsForbidden(id);
        councilEndpointsAreForbidden(id);
        dslAndManagerReadsAreForbidden(id);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void managerReadsButIsForbiddenTheWorkflowAndCouncilEndpoints() {
        String id = concernOfOrgA();
        workflowIsForbidden(id);
        councilEndpointsAreForbidden(id);
        given().get("/concerns/" + id).then().statusCode(200).body("narrative", equalTo(Fixtures.NARRATIVE));
        given().get("/concerns/" + id + "/access-log").then().statusCode(200);
        given().get("/concerns/" + id + "/chronology").then().statusCode(200);
        given().get("/concerns/overdue").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void dslIsForbiddenTheCouncilEndpoints() {
        councilEndpointsAreForbidden(concernOfOrgA());
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilIsForbiddenTheStaffEndpoints() {
        String id = concernOfOrgA();
        given().contentType(ContentType.JSON).body(Fixtures.concernBody("LOW")).post("/concerns").then().statusCode(403);
        given().get("/concerns").then().statusCode(403);
        given().get("/concerns/" + id).then().statusCode(403);
        dslAndManagerReadsAreForbidden(id);
        workflowIsForbidden(id);
    }

    @Test
    @TestSecurity(user = "dsl-b", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-b"), @Claim(key = "preferred_username", value = "dsl-b"), @Claim(key = "sub", value = DemoStaff.DSL_B)})
    void anotherOrganisationsConcernIs404OnEveryEndpoint() {
        String id = concernOfOrgA();
        given().get("/concerns/" + id).then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", not(containsString("Jamie")));
        given().get("/concerns/" + id + "/access-log").then().statusCode(404);
        given().get("/concerns/" + id + "/chronology").then().statusCode(404);
        given().get("/concerns/" + id + "/chronology/verification").then().statusCode(404);
        given().post("/concerns/" + id + "/acknowledgement").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/concerns/" + id + "/review").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"text\":\"watch\"}").post("/concerns/" + id + "/monitoring").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"council\":\"E09000024\",\"method\":\"PHONE\"}")
                .post("/concerns/" + id + "/escalation").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"reason\":\"done\"}").post("/concerns/" + id + "/closure").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"kind\":\"NOTE\",\"text\":\"x\"}").post("/concerns/" + id + "/chronology")
                .then().statusCode(404);
        given().get("/concerns?size=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().get("/concerns/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "worker-x", roles = "youth-worker")
    void staffTokenWithoutOrganisationIsRefused() {
        given().get("/concerns").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void badInputIs400NamingTheFieldAndNeverEchoesTheNarrative() {
        String secret = "Jamie Smith lives at 12 Secret Street";
        String[] bodies = {
                "{\"categories\":[\"BULLYING\"],\"risk\":\"LOW\",\"narrative\":\"" + secret + "\"}",
                "{\"subjectType\":\"UNKNOWN_PARTICIPANT\",\"categories\":[],\"risk\":\"LOW\",\"narrative\":\"" + secret + "\"}",
                "{\"subjectType\":\"UNKNOWN_PARTICIPANT\",\"categories\":[\"BULLYING\"],\"narrative\":\"" + secret + "\"}",
                "{\"subjectType\":\"UNKNOWN_PARTICIPANT\",\"categories\":[\"BULLYING\"],\"risk\":\"LOW\",\"narrative\":\" \"}",
                "{\"subjectType\":\"UNKNOWN_PARTICIPANT\",\"categories\":[\"BULLYING\"],\"risk\":\"LOW\",\"narrative\":\""
                        + "x".repeat(20_001) + "\"}",
                "{\"subjectType\":\"YOUNG_PERSON\",\"youngPersonId\":\"" + UUID.randomUUID() + "\",\"youngPersonDateOfBirth\":\""
                        + LocalDate.now().plusDays(3) + "\",\"categories\":[\"BULLYING\"],\"risk\":\"LOW\",\"narrative\":\"" + secret + "\"}",
        };
        String[] fields = {"subjectType", "categories", "risk", "narrative", "narrative", "youngPersonDateOfBirth"};
        for (int i = 0; i < bodies.length; i++) {
            given().contentType(ContentType.JSON).body(bodies[i]).post("/concerns").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem(containsString(fields[i])))
                    .body(not(containsString("Secret Street")));
        }
        given().contentType(ContentType.JSON).body("{\"subjectType\":\"MARTIAN\",\"narrative\":\"" + secret + "\"}")
                .post("/concerns").then().statusCode(400).body(not(containsString("Secret Street")));
        given().contentType(ContentType.JSON).body("{\"subjectType\":").post("/concerns").then().statusCode(400);
        given().contentType(ContentType.JSON).body("[]").post("/concerns").then().statusCode(400);
        given().get("/concerns/not-a-uuid").then().statusCode(lessThan(500));
        given().get("/concerns?size=0").then().statusCode(400);
        given().get("/concerns?size=201").then().statusCode(400);
        given().get("/concerns?page=-1").then().statusCode(400);
        given().get("/concerns?risk=CATASTROPHIC").then().statusCode(lessThan(500));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void youngPersonConcernNamesTheYoungPerson() {
        given().contentType(ContentType.JSON)
                .body("{\"subjectType\":\"YOUNG_PERSON\",\"categories\":[\"NEGLECT\"],\"risk\":\"LOW\",\"narrative\":\"hungry\"}")
                .post("/concerns").then().statusCode(422).body("rule", equalTo("young-person-concern-names-the-young-person"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void staffAllegationNamesTheMemberOfStaff() {
        given().contentType(ContentType.JSON)
                .body("{\"subjectType\":\"STAFF_MEMBER\",\"categories\":[\"OTHER\"],\"risk\":\"MEDIUM\",\"narrative\":\"messaged a child\"}")
                .post("/concerns").then().statusCode(422).body("rule", equalTo("staff-allegation-names-the-member-of-staff"));
    }

    @Test
    void narrativeAndChronologyAreEncryptedAtRest() throws Exception {
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.MEDIUM);
        try (Connection db = dataSource.getConnection()) {
            try (var st = db.prepareStatement("select * from concern where id = ?")) {
                st.setObject(1, c.id);
                ResultSet rs = st.executeQuery();
                assertTrue(rs.next());
                assertEquals("test-2", rs.getString("narrative_key_id"), "the key id is stored beside the cipher text");
                assertNoPlaintext(rs, "Jamie");
            }
            try (var st = db.prepareStatement("select * from chronology_entry where concern_id = ?")) {
                st.setObject(1, c.id);
                ResultSet rs = st.executeQuery();
                assertTrue(rs.next(), "the concern starts its chronology");
                assertNoPlaintext(rs, "Jamie");
            }
        }
        assertEquals(Fixtures.NARRATIVE, register.narrative(c), "and it opens with the key");
    }

    @Test
    void narrativeSealedWithAnEarlierKeyStillOpensAfterRotation() throws Exception {
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.LOW);
        String oldKey = ConfigProvider.getConfig().getValue("safesessions.crypto.keys.test-1", String.class);
        Sealed old = new FieldCipher(Map.of("test-1", oldKey), "test-1").seal("sealed before the rotation", c.narrativeBinding());
        try (Connection db = dataSource.getConnection();
             var st = db.prepareStatement("update concern set narrative_key_id = ?, narrative_cipher = ? where id = ?")) {
            st.setString(1, old.keyId());
            st.setBytes(2, old.cipherText());
            st.setObject(3, c.id);
            assertEquals(1, st.executeUpdate());
        }
        Concern rotated = QuarkusTransaction.requiringNew().call(() -> Concern.<Concern>findById(c.id));
        assertEquals("test-1", rotated.narrativeKeyId);
        assertEquals("sealed before the rotation", register.narrative(rotated));
        assertTrue(cipher.needsResealing(rotated.narrative()), "the active key is now test-2");
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void narrativeAndChronologyTextsNeverAppearInTheLogs() {
        String marker = "Zebedee-" + UUID.randomUUID();
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters())
                        + " " + (r.getThrown() == null ? "" : r.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            org.jboss.logging.Logger.getLogger(ConcernsResourceTest.class).warn("log capture is listening");
            String id = given().contentType(ContentType.JSON).body(Fixtures.concernBody("HIGH").replace(Fixtures.NARRATIVE, marker))
                    .post("/concerns").then().statusCode(201).extract().path("id");
            given().get("/concerns/" + id).then().statusCode(200).body("narrative", equalTo(marker));
            given().contentType(ContentType.JSON).body("{\"kind\":\"NOTE\",\"text\":\"" + marker + "\"}")
                    .post("/concerns/" + id + "/chronology").then().statusCode(201);
            given().contentType(ContentType.JSON).body("{\"kind\":\"CLOSURE\",\"text\":\"" + marker + "\"}")
                    .post("/concerns/" + id + "/chronology").then().statusCode(422);
            given().contentType(ContentType.JSON).body("{\"reason\":\"" + marker + "\"}")
                    .post("/concerns/" + id + "/closure").then().statusCode(409);
            given().contentType(ContentType.JSON).body("{\"subjectType\":\"UNKNOWN_PARTICIPANT\",\"narrative\":\"" + marker + "\"}")
                    .post("/concerns").then().statusCode(400);
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("log capture is listening")), "the capture saw the log");
        assertTrue(logged.stream().noneMatch(line -> line.contains(marker)), "the narrative reached the log");
    }

    /** No column of the current row, read as text or as bytes, contains {@code plaintext}. */
    private static void assertNoPlaintext(ResultSet rs, String plaintext) throws Exception {
        for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            Object value = rs.getObject(col);
            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
            assertFalse(text.contains(plaintext), "column " + rs.getMetaData().getColumnName(col) + " holds plaintext");
        }
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void accessLogRecordsEveryReadOfAConcern() {
        String id = concernOfOrgA();
        given().get("/concerns/" + id).then().statusCode(200);
        given().get("/concerns/" + id + "/chronology").then().statusCode(200);
        given().get("/concerns/" + id + "/access-log").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].view", equalTo("CHRONOLOGY"))
                .body("items[1].view", equalTo("FULL"))
                .body("items.accessedBy", everyItem(equalTo("dsl-a")))
                .body("items.role", everyItem(equalTo("safeguarding-lead")))
                .body("items[0].accessedAt", notNullValue());
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void retentionReviewIsDateOfBirthPlus25YearsAndNothingIsDeleted() {
        LocalDate born = LocalDate.now().minusYears(14).minusDays(10);
        String id = given().contentType(ContentType.JSON).body("""
                        {"subjectType":"YOUNG_PERSON","youngPersonId":"%s","youngPersonDateOfBirth":"%s",
                         "categories":["NEGLECT"],"risk":"LOW","narrative":"often hungry at sessions"}"""
                        .formatted(UUID.randomUUID(), born))
                .post("/concerns").then().statusCode(201)
                .body("reviewDueOn", equalTo(born.plusYears(25).toString())).extract().path("id");
        given().get("/concerns/retention-review?size=200").then().statusCode(200).body("items.concern.id", not(hasItem(id)));
        given().get("/concerns/retention-review?size=200&asOf=" + born.plusYears(25)).then().statusCode(200)
                .body("items.concern.id", hasItem(id))
                .body("items.find { it.concern.id == '" + id + "' }.reviewDueOn", equalTo(born.plusYears(25).toString()));
        given().get("/concerns/" + id).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void concernRaisedEventCarriesCategoryCodesAndRiskOnly() {
        String id = Fixtures.raise("IMMEDIATE_DANGER");
        var records = KafkaProbe.readAll("safeguarding-events", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> id.equals(r.key())));
        var record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertTrue(record.value().contains("safesessions.safeguarding.concern-raised.v1"));
        assertTrue(record.value().contains("IMMEDIATE_DANGER") && record.value().contains("SEXTING"));
        assertFalse(record.value().contains("Jamie"), "no narrative on Kafka");
        assertFalse(record.value().contains("youngPersonId"), "no subject id on Kafka");
    }
}
