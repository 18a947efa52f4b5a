package org.safesessions.safeguarding;

import org.safesessions.testkit.DemoStaff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.application.SafeguardingClocks;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.testkit.KafkaProbe;
import org.safesessions.testkit.KeycloakResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §2 "Staff identity" and §5 for allegations against staff: the subject is a real, enabled member of staff of the
 * organisation (Keycloak, through the kit's staff directory), stored by Keycloak id; the allegation is never shown,
 * listed or counted to its subject, however their name was typed; where no DSL other than the subject exists, the
 * organisation's managers handle it and may see it. Its events carry the subject's id, never a name.
 */
@QuarkusTest
class AllegationSubjectTest extends SafeguardingTestStack {

    private static final String RULE = "allegation-subject-must-be-staff-of-organisation";

    @Inject
    ConcernRegister register;

    @Inject
    SafeguardingClocks clocks;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void restoreRealmAndClock() {
        KeycloakResource.comeBack();
        KeycloakResource.reset();
        clock.reset();
    }

    static String allegation(String staffUserName, String risk) {
        return """
                {"subjectType":"STAFF_MEMBER","staffUserName":"%s","categories":["EMOTIONAL_ABUSE"],"risk":"%s",
                 "narrative":"%s"}""".formatted(staffUserName, risk, Fixtures.NARRATIVE);
    }

    static String raiseAllegation(String staffUserName, String risk) {
        return given().contentType(ContentType.JSON).body(allegation(staffUserName, risk))
                .post("/concerns").then().statusCode(201).extract().path("id");
    }

    private Concern reload(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Concern.<Concern>findById(UUID.fromString(id)));
    }

    @Test
    void testConstantsAreTheStandInsKeycloakIds() {
        assertEquals(KeycloakResource.idOf("worker-a"), DemoStaff.WORKER_A);
        assertEquals(KeycloakResource.idOf("worker2-a"), DemoStaff.WORKER2_A);
        assertEquals(KeycloakResource.idOf("coord-a"), DemoStaff.COORD_A);
        assertEquals(KeycloakResource.idOf("dsl-a"), DemoStaff.DSL_A);
        assertEquals(KeycloakResource.idOf("manager-a"), DemoStaff.MANAGER_A);
        assertEquals(KeycloakResource.idOf("dsl-b"), DemoStaff.DSL_B);
        assertEquals(KeycloakResource.idOf("dsl2-a"), DemoStaff.DSL2_A);
    }

    // ---------------------------------------------------------------- the subject is a real member of staff

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void allegationSubjectTypedInAnyCaseIsStoredByKeycloakIdWithTheCanonicalName() throws Exception {
        String id = raiseAllegation(" DSL-A ", "MEDIUM");
        Concern c = reload(id);
        assertEquals(DemoStaff.DSL_A, c.subjectStaffId);
        assertEquals("dsl-a", c.subjectStaffUser);
        try (Connection db = dataSource.getConnection();
             var st = db.prepareStatement("select subject_staff_id, subject_staff_user from concern where id = ?")) {
            st.setObject(1, UUID.fromString(id));
            var rs = st.executeQuery();
            assertTrue(rs.next());
            assertEquals(DemoStaff.DSL_A, rs.getString(1));
            assertEquals("dsl-a", rs.getString(2));
        }
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void allegationSubjectMustBeStaffOfOrganisation() {
        for (String nobody : new String[]{"worker-z", "dsl-b", "DSL-B", "manager-b", "service-account-council-e09000024"}) {
            given().contentType(ContentType.JSON).body(allegation(nobody, "HIGH")).post("/concerns").then()
                    .statusCode(422).contentType("application/problem+json").body("rule", equalTo(RULE))
                    .body(not(org.hamcrest.Matchers.containsString(Fixtures.NARRATIVE)));
        }
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void aDisabledUserIsNotStaffAndCannotBeTheSubject() {
        KeycloakResource.disableUser("worker2-a");
        given().contentType(ContentType.JSON).body(allegation("worker2-a", "HIGH")).post("/concerns").then()
                .statusCode(422).body("rule", equalTo(RULE));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void keycloakUnreachableWhileRaisingAnAllegationIs503WithRetryAfterAndNothingStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> Concern.count("subjectStaffUser", "worker2-a"));
        KeycloakResource.goAway();
        given().contentType(ContentType.JSON).body(allegation("worker2-a", "HIGH")).post("/concerns").then()
                .statusCode(503).header("Retry-After", notNullValue()).contentType("application/problem+json");
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Concern.count("subjectStaffUser", "worker2-a")));
    }

    // ---------------------------------------------------------------- never shown, listed or counted to the subject

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void allegationTypedInCapitalsIsHiddenFromItsSubjectInReadsListsCountsAndOverdue() {
        long listed = given().get("/concerns?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
        long overdue = given().get("/concerns/overdue?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
        Concern aboutMe = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "DSL-A", RiskLevel.IMMEDIATE_DANGER);
        given().get("/concerns/" + aboutMe.id).then().statusCode(404);
        given().get("/concerns/" + aboutMe.id + "/access-log").then().statusCode(404);
        given().get("/concerns/" + aboutMe.id + "/chronology").then().statusCode(404);
        given().post("/concerns/" + aboutMe.id + "/acknowledgement").then().statusCode(404);
        given().get("/concerns?size=200").then().body("items.id", not(hasItem(aboutMe.id.toString())))
                .body("total", equalTo((int) listed));
        given().get("/concerns?risk=IMMEDIATE_DANGER&status=RAISED&size=200").then()
                .body("items.id", not(hasItem(aboutMe.id.toString())));
        clock.advance(Duration.ofMinutes(16));
        clocks.checkNow();
        given().get("/concerns/overdue?size=200").then().statusCode(200)
                .body("items.concern.id", not(hasItem(aboutMe.id.toString())));
        given().get("/concerns/retention-review?asOf=2200-01-01&size=200").then().statusCode(200)
                .body("items.concern.id", not(hasItem(aboutMe.id.toString())));
        long overdueAfter = given().get("/concerns/overdue?size=1").then().extract().jsonPath().getLong("total");
        long listedAfter = given().get("/concerns?size=1").then().extract().jsonPath().getLong("total");
        assertEquals(listed, listedAfter, "the list total does not count the allegation about the reader");
        assertTrue(overdueAfter >= overdue, "others' overdue concerns may appear");
        assertFalse(Fixtures.reader("org-a", "dsl-a", Reader.Reach.ALL).canSee(reload(aboutMe.id.toString())));
    }

    @Test
    void anotherDslOfTheOrganisationSeesTheAllegation() {
        Concern aboutDsl = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.HIGH);
        Reader otherDsl = Fixtures.reader("org-a", "dsl2-a", Reader.Reach.ALL);
        assertTrue(otherDsl.canSee(aboutDsl));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> register.list(otherDsl, null, null, 0, 200).items()
                .stream().anyMatch(c -> c.id.equals(aboutDsl.id))));
    }

    @Test
    void aReaderWithoutAKeycloakIdSeesNoAllegation() {
        Concern allegation = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "worker2-a", RiskLevel.HIGH);
        Reader anonymous = new Reader("org-a", "dsl-a", null, Reader.Reach.ALL);
        assertFalse(anonymous.canSee(allegation));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> register.list(anonymous, null, null, 0, 200).items()
                .stream().anyMatch(c -> c.id.equals(allegation.id))));
    }

    @Test
    void allegationRaisedBeforeIdsWereStoredIsHiddenFromItsSubjectByNameAndGetsTheIdAtItsClockBreach() throws Exception {
        Concern legacy = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.IMMEDIATE_DANGER);
        try (Connection db = dataSource.getConnection();
             var st = db.prepareStatement("update concern set subject_staff_id = null where id = ?")) {
            st.setObject(1, legacy.id);
            assertEquals(1, st.executeUpdate());
        }
        Reader subject = Fixtures.reader("org-a", "dsl-a", Reader.Reach.ALL);
        assertFalse(subject.canSee(reload(legacy.id.toString())));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> register.list(subject, null, null, 0, 500).items()
                .stream().anyMatch(c -> c.id.equals(legacy.id))));
        clock.advance(Duration.ofMinutes(16));
        KeycloakResource.goAway();
        clocks.checkNow();
        assertNull(reload(legacy.id.toString()).acknowledgementBreachedAt, "waits while the subject's id is unknown");
        KeycloakResource.comeBack();
        clocks.checkNow();
        Concern after = reload(legacy.id.toString());
        assertNotNull(after.acknowledgementBreachedAt);
        assertEquals(DemoStaff.DSL_A, after.subjectStaffId);
        String breach = breach(legacy.id);
        assertTrue(breach.contains("\"subjectStaffId\":\"" + DemoStaff.DSL_A + "\""), breach);
    }

    // ---------------------------------------------------------------- managers, when no other DSL can handle it

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void managersHandleAnAllegationAgainstTheOnlyDsl() {
        Concern aboutOnlyDsl = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.IMMEDIATE_DANGER);
        Concern aboutWorker = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "worker2-a", RiskLevel.HIGH);
        given().get("/concerns/" + aboutOnlyDsl.id).then().statusCode(200).body("staffUserId", equalTo(DemoStaff.DSL_A))
                .body("staffUserName", equalTo("dsl-a")).body("narrative", equalTo(Fixtures.NARRATIVE));
        given().get("/concerns/" + aboutWorker.id).then().statusCode(404);
        given().get("/concerns?size=200").then().body("items.id", hasItem(aboutOnlyDsl.id.toString()))
                .body("items.id", not(hasItem(aboutWorker.id.toString())));
        clock.advance(Duration.ofMinutes(16));
        given().get("/concerns/overdue?size=200").then().body("items.concern.id", hasItem(aboutOnlyDsl.id.toString()))
                .body("items.concern.id", not(hasItem(aboutWorker.id.toString())));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void withASecondDslManagersNoLongerSeeTheAllegationAgainstTheFirst() {
        Concern aboutDsl = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.HIGH);
        KeycloakResource.addUser("org-a", "dsl2-a", "safeguarding-lead");
        given().get("/concerns/" + aboutDsl.id).then().statusCode(404);
        given().get("/concerns?size=200").then().body("items.id", not(hasItem(aboutDsl.id.toString())));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void aManagerNeverSeesAnAllegationAboutThemselvesEvenWithNoDsl() {
        KeycloakResource.disableUser("dsl-a");
        Concern aboutMe = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "Manager-A", RiskLevel.HIGH);
        Concern aboutWorker = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "worker2-a", RiskLevel.HIGH);
        given().get("/concerns/" + aboutMe.id).then().statusCode(404);
        given().get("/concerns/" + aboutWorker.id).then().statusCode(200);
        given().get("/concerns?size=200").then().body("items.id", not(hasItem(aboutMe.id.toString())))
                .body("items.id", hasItem(aboutWorker.id.toString()));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void managersListWhileKeycloakIsAwayIs503NotAGuess() {
        KeycloakResource.goAway();
        given().get("/concerns").then().statusCode(503).header("Retry-After", notNullValue());
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-b"), @Claim(key = "preferred_username", value = "manager-b")})
    void anotherOrganisationsManagerNeverSeesIt() {
        Concern aboutDsl = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.HIGH);
        given().get("/concerns/" + aboutDsl.id).then().statusCode(404);
    }

    // ---------------------------------------------------------------- events: the subject's id, never a name

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void concernRaisedAndClockBreachedCarryTheSubjectsKeycloakIdAndNoName() {
        String id = raiseAllegation("DSL-A", "IMMEDIATE_DANGER");
        var records = KafkaProbe.readAll("safeguarding-events", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> id.equals(r.key())));
        String raised = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value();
        assertTrue(raised.contains("concern-raised") && raised.contains("\"subjectStaffId\":\"" + DemoStaff.DSL_A + "\""), raised);
        assertFalse(raised.toLowerCase().contains("dsl-a"), "no user name on Kafka");
        assertFalse(raised.contains("Jamie"), "no narrative on Kafka");
        clock.advance(Duration.ofMinutes(16));
        clocks.checkNow();
        String breach = breach(UUID.fromString(id));
        assertTrue(breach.contains("\"subjectStaffId\":\"" + DemoStaff.DSL_A + "\""), breach);
        assertFalse(breach.toLowerCase().contains("dsl-a"), "no user name on Kafka");
    }

    private static String breach(UUID concernId) {
        return KafkaProbe.readAll("safeguarding-events", Duration.ofSeconds(20),
                        rs -> rs.stream().anyMatch(r -> concernId.toString().equals(r.key()) && r.value().contains("clock-breached")))
                .stream().filter(r -> concernId.toString().equals(r.key()) && r.value().contains("clock-breached"))
                .findFirst().orElseThrow().value();
    }

    @Test
    void aYoungPersonConcernCarriesNoStaffId() {
        Concern child = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        assertNull(child.subjectStaffId);
        assertTrue(Fixtures.reader("org-a", "manager-a", Reader.Reach.ALL_BUT_STAFF_ALLEGATIONS).canSee(child));
        assertTrue(new Reader("org-a", "manager-a", DemoStaff.MANAGER_A, Reader.Reach.ALL_BUT_STAFF_ALLEGATIONS,
                () -> Set.of(DemoStaff.DSL_A, DemoStaff.DSL2_A)).canSee(child));
    }
}
