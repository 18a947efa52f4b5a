package org.safesessions.consent;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.application.SubjectAccessRequests;
import org.safesessions.consent.domain.SubjectAccessRequest;
import org.safesessions.consent.domain.YoungPerson;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** SPEC §3: subject access requests tracked from receipt to closure, due one calendar month later, DSL and manager only. */
@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class SubjectAccessRequestTest extends ConsentTestStack {

    private static final String PATH = "/subject-access-requests";

    @Inject
    EntityManager em;

    @Inject
    MovableClock clock;

    @BeforeEach
    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * The service's day set, at midday UK time (so it cannot turn during the test), to one that is one calendar month
     * after the same day of the month before: on some days no request is due that day (on 31 December, one received
     * on 30 November was due on the 30th), so "a month before today" cannot stand for "due today".
     */
    private void todayIs(LocalDate day) {
        clock.setTo(day.atTime(12, 0).atZone(SubjectAccessRequest.UK).toInstant());
    }

    private static LocalDate today() {
        return LocalDate.now(SubjectAccessRequest.UK);
    }

    private static String body(Object youngPersonId, String requester, String relationship, Object receivedOn) {
        return """
                {"youngPersonId":"%s","requesterName":"%s","relationship":"%s","receivedOn":"%s"}"""
                .formatted(youngPersonId, requester, relationship, receivedOn);
    }

    /** A request about a new young person of org-a, received on the day given; returns its id. */
    private static String receive(LocalDate receivedOn) {
        YoungPerson yp = TestData.youngPerson("org-a", "Requested Robin");
        return given().contentType(ContentType.JSON).body(body(yp.id, "Pat Parent", "mother", receivedOn))
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    private static void move(String id, String status, int expected) {
        given().contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                .post(PATH + "/" + id + "/status").then().statusCode(expected);
    }

    private static void moveRefused(String id, String status, String rule) {
        given().contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                .post(PATH + "/" + id + "/status").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("rule", equalTo(rule));
    }

    @Test
    void aRequestIsRecordedAndDueOneCalendarMonthAfterItIsReceived() {
        YoungPerson yp = TestData.youngPerson("org-a", "Asked About");
        LocalDate received = today().minusDays(3);
        String location = given().contentType(ContentType.JSON).body(body(yp.id, "Pat Parent", "mother", received))
                .post(PATH).then().statusCode(201)
                .body("youngPersonId", equalTo(yp.id.toString()))
                .body("requesterName", equalTo("Pat Parent"))
                .body("relationship", equalTo("mother"))
                .body("receivedOn", equalTo(received.toString()))
                .body("dueOn", equalTo(received.plusMonths(1).toString()))
                .body("status", equalTo("RECEIVED"))
                .body("overdue", equalTo(false))
                .body("recordedBy", equalTo("dsl-a"))
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("requesterName", equalTo("Pat Parent"));
    }

    @Test
    void aRequestReceivedOn31JanuaryIsDueOnTheLastDayOfFebruary() {
        assertEquals(LocalDate.of(2027, 2, 28), SubjectAccessRequest.dueOn(LocalDate.of(2027, 1, 31)));
        assertEquals(LocalDate.of(2028, 2, 29), SubjectAccessRequest.dueOn(LocalDate.of(2028, 1, 31)), "a leap year");
        assertEquals(LocalDate.of(2026, 4, 30), SubjectAccessRequest.dueOn(LocalDate.of(2026, 3, 31)));
        assertEquals(LocalDate.of(2027, 1, 15), SubjectAccessRequest.dueOn(LocalDate.of(2026, 12, 15)), "into a new year");

        YoungPerson yp = TestData.youngPerson("org-a", "January Jo");
        given().contentType(ContentType.JSON).body(body(yp.id, "Pat Parent", "mother", "2026-01-31"))
                .post(PATH).then().statusCode(201).body("dueOn", equalTo("2026-02-28"));
    }

    @Test
    void whoAskedIsEncryptedAtRest() {
        String id = receive(today());
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) em
                .createNativeQuery("select requester_cipher from subject_access_request where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Pat Parent"));
        given().get(PATH + "/" + id).then().statusCode(200).body("requesterName", equalTo("Pat Parent"));
    }

    @Test
    void aRequestMovesForwardOneStepAtATimeAndNeverBack() {
        String id = receive(today());
        moveRefused(id, "SENT", "subject-access-request-skips-no-step");
        moveRefused(id, "RECEIVED", "subject-access-request-never-moves-back");
        move(id, "IDENTITY_CHECKED", 200);
        moveRefused(id, "EXPORT_PRODUCED", "export-produced-by-producing-it");
        moveRefused(id, "CLOSED", "subject-access-request-skips-no-step");
        given().post(PATH + "/" + id + "/export").then().statusCode(200);
        move(id, "SENT", 200);
        moveRefused(id, "IDENTITY_CHECKED", "subject-access-request-never-moves-back");
        moveRefused(id, "SENT", "subject-access-request-never-moves-back");
        given().contentType(ContentType.JSON).body("{\"status\":\"CLOSED\"}").post(PATH + "/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("statusChangedBy", equalTo("dsl-a"));
    }

    @Test
    void theExportComesOnlyAfterTheIdentityCheck() {
        String id = receive(today());
        given().post(PATH + "/" + id + "/export").then().statusCode(422)
                .body("rule", equalTo("identity-checked-before-export"));
        given().get(PATH + "/" + id).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void noExportIsProducedAfterTheAnswerIsSent() {
        String id = receive(today());
        move(id, "IDENTITY_CHECKED", 200);
        given().post(PATH + "/" + id + "/export").then().statusCode(200);
        move(id, "SENT", 200);
        given().post(PATH + "/" + id + "/export").then().statusCode(422).body("rule", equalTo("no-export-after-sending"));
    }

    @Test
    void producingTheExportRecordsItOnTheRequestAndInTheAccessLog() {
        String id = receive(today());
        move(id, "IDENTITY_CHECKED", 200);
        String youngPersonId = given().get(PATH + "/" + id).then().extract().path("youngPersonId");

        given().post(PATH + "/" + id + "/export").then().statusCode(200)
                .body("subjectAccessRequestId", equalTo(id))
                .body("youngPerson.id", equalTo(youngPersonId))
                .body("youngPerson.guardians[0].name", equalTo("Kim Carer"))
                .body("accessLog.action", hasItem("EXPORT"));
        given().get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("EXPORT_PRODUCED"))
                .body("exportProducedBy", equalTo("dsl-a"))
                .body("exportProducedAt", notNullValue());
        given().queryParam("recordId", id).get("/access-log").then().statusCode(200)
                .body("items.action", contains("READ", "EXPORT", "READ", "CHANGE", "CHANGE"))
                .body("items[1].recordType", equalTo("SUBJECT_ACCESS_REQUEST"))
                .body("items[1].subjectId", equalTo(youngPersonId))
                .body("items[3].detail", equalTo("SUBJECT_ACCESS_REQUEST_MOVED: status=IDENTITY_CHECKED"))
                .body("items[4].detail", equalTo("SUBJECT_ACCESS_REQUEST_RECEIVED"));
    }

    @Test
    void theOverdueListHoldsOpenRequestsPastTheirDueDay() {
        LocalDate today = LocalDate.of(2026, 6, 15);
        todayIs(today);
        String late = receive(today.minusMonths(2));
        String dueToday = receive(today.minusMonths(1));
        String answered = receive(today.minusMonths(3));
        move(answered, "IDENTITY_CHECKED", 200);
        given().post(PATH + "/" + answered + "/export").then().statusCode(200);
        move(answered, "SENT", 200);

        var overdue = given().queryParam("size", 200).get(PATH + "/overdue").then().statusCode(200)
                .body("items.status", not(hasItem("SENT"))).extract().jsonPath();
        assertEquals(true, overdue.getList("items.id").contains(late));
        assertFalse(overdue.getList("items.id").contains(dueToday), "due today is not yet overdue");
        assertFalse(overdue.getList("items.id").contains(answered), "a sent answer is not overdue");
        given().get(PATH + "/" + late).then().body("overdue", equalTo(true));
        given().get(PATH + "/" + answered).then().body("overdue", equalTo(false));
    }

    @Test
    void requestsAreListedMostRecentlyReceivedFirst() {
        String older = receive(today().minusDays(2));
        String newer = receive(today());
        var ids = given().queryParam("size", 200).get(PATH).then().statusCode(200).extract().jsonPath()
                .getList("items.id");
        assertEquals(true, ids.indexOf(newer) < ids.indexOf(older));
    }

    @Test
    void aRequestIsReceivedOnOrBeforeTodayAndAfterBirth() {
        YoungPerson yp = TestData.youngPerson("org-a", "Future Fran");
        LocalDate today = LocalDate.of(2026, 6, 15);
        todayIs(today); // midday: the service's day cannot turn between this line and the request
        given().contentType(ContentType.JSON).body(body(yp.id, "Pat Parent", "mother", today.plusDays(1)))
                .post(PATH).then().statusCode(422).body("rule", equalTo("request-received-on-or-before-today"));
        given().contentType(ContentType.JSON).body(body(yp.id, "Pat Parent", "mother", yp.dateOfBirth.minusDays(1)))
                .post(PATH).then().statusCode(422).body("rule", equalTo("request-received-after-birth"));
    }

    @Test
    void badInputsAre400NamingTheField() {
        YoungPerson yp = TestData.youngPerson("org-a", "Bad Input");
        given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + yp.id + "\",\"relationship\":\"mother\",\"receivedOn\":\"2026-01-02\"}")
                .post(PATH).then().statusCode(400).body("errors.field", hasItem("requesterName"));
        given().contentType(ContentType.JSON).body(body(yp.id, "Pat Parent", " ", today()))
                .post(PATH).then().statusCode(400).body("errors.field", hasItem("relationship"));
        given().contentType(ContentType.JSON).body(body(yp.id, "P".repeat(101), "mother", today()))
                .post(PATH).then().statusCode(400).body("errors.field", hasItem("requesterName"))
                .body("detail", not(org.hamcrest.Matchers.containsString("PPPP")));
        given().contentType(ContentType.JSON).body(body(yp.id, "Pat Parent", "mother", "yesterday"))
                .post(PATH).then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body(body("not-a-uuid", "Pat Parent", "mother", today()))
                .post(PATH).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"status\":\"DONE\"}").post(PATH + "/" + receive(today()) + "/status")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post(PATH + "/" + receive(today()) + "/status")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().get(PATH + "/not-a-uuid").then().statusCode(400);
        given().queryParam("size", 201).get(PATH + "/overdue").then().statusCode(400);
        given().contentType(ContentType.JSON).body(body(Fixtures.unknownId(), "Pat Parent", "mother", today()))
                .post(PATH).then().statusCode(404);
        given().get(PATH + "/" + Fixtures.unknownId()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerMayTrackRequests() {
        String id = receive(today());
        move(id, "IDENTITY_CHECKED", 200);
        given().get(PATH).then().statusCode(200);
        given().get(PATH + "/overdue").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "dsl-b", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsRequestsAre404() {
        YoungPerson yp = TestData.youngPerson("org-a", "Org A Only");
        UUID id = Arc.container().instance(SubjectAccessRequests.class).get().receive("org-a",
                new SubjectAccessRequests.Receive(yp.id, "Pat Parent", "mother", today()), "dsl-a").request().id;

        given().get(PATH + "/" + id).then().statusCode(404);
        move(id.toString(), "IDENTITY_CHECKED", 404);
        given().post(PATH + "/" + id + "/export").then().statusCode(404);
        given().contentType(ContentType.JSON).body(body(yp.id, "Pat Parent", "mother", today()))
                .post(PATH).then().statusCode(404);
        var listed = given().queryParam("size", 200).get(PATH).then().statusCode(200).extract().jsonPath();
        assertFalse(listed.getList("items.id").contains(id.toString()));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotTrackRequests() {
        everyOperationIs403();
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotTrackRequests() {
        everyOperationIs403();
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotTrackRequests() {
        everyOperationIs403();
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "contact-reader")
    void contactReaderCannotTrackRequests() {
        everyOperationIs403();
    }

    private static void everyOperationIs403() {
        String id = Fixtures.unknownId();
        given().contentType(ContentType.JSON).body(body(id, "Pat Parent", "mother", today())).post(PATH)
                .then().statusCode(403);
        given().get(PATH).then().statusCode(403);
        given().get(PATH + "/overdue").then().statusCode(403);
        given().get(PATH + "/" + id).then().statusCode(403);
        move(id, "SENT", 403);
        given().post(PATH + "/" + id + "/export").then().statusCode(403);
    }
}
