package org.safesessions.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.kit.audit.AccessLogEntry;
import org.safesessions.kit.audit.AccessLogFilter;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §3: every read, list, export and change of a young person's data is in the access log; DSLs and managers query it. */
@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class AccessLogTest extends ConsentTestStack {

    @Inject
    AccessLog log;

    @Inject
    EntityManager em;

    @Inject
    MovableClock clock;

    @BeforeEach
    void realTime() {
        clock.reset();
    }

    /** "action recordType detail" of the entries about one young person by one user, oldest first. */
    private List<String> entries(UUID youngPersonId, String user) {
        return QuarkusTransaction.requiringNew().call(() ->
                        log.query("org-a", new AccessLogFilter(youngPersonId, user, null, null), 0, 200).items())
                .reversed().stream().map(e -> e.action + " " + e.recordType + (e.detail == null ? "" : " " + e.detail))
                .toList();
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = "kc-coord-a")})
    void everyReadAndListOfAYoungPersonsDataIsLogged() {
        YoungPerson yp = TestData.youngPerson("org-a", "Read Riley");
        UUID consentId = TestData.consent(yp, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), Fixtures.GIVEN_AT, null);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);

        given().get("/young-people/" + yp.id).then().statusCode(200);
        given().get("/young-people/" + yp.id + "/consents").then().statusCode(200);
        given().get("/young-people/" + yp.id + "/consent-history").then().statusCode(200);
        given().get("/consents/" + consentId).then().statusCode(200);
        given().get("/young-people/" + yp.id + "/agreements").then().statusCode(200);
        given().queryParam("name", "Riley").get("/young-people").then().statusCode(200);

        assertEquals(List.of("READ YOUNG_PERSON", "LIST CONSENT", "LIST CONSENT", "READ CONSENT", "LIST SAFETY_AGREEMENT"),
                entries(yp.id, "coord-a").subList(2, 7), "after the two changes that made the record");
        List<AccessLogEntry> lists = QuarkusTransaction.requiringNew().call(() ->
                log.query("org-a", new AccessLogFilter(null, "coord-a", start, null), 0, 1).items());
        AccessLogEntry list = lists.getFirst();
        assertEquals("LIST YOUNG_PERSON", list.action + " " + list.recordType);
        assertEquals("kc-coord-a", list.actorId, "the Keycloak user id beside the user name");
        assertEquals(null, list.detail, "never the name searched for");
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void everyChangeOfAYoungPersonsDataIsLogged() {
        String[] ids = Fixtures.register("Change Charlie");
        UUID yp = UUID.fromString(ids[0]);
        String consentId = Fixtures.consent(ids[0], ids[1]);
        Fixtures.withdraw(consentId);
        given().contentType(ContentType.JSON).body("{\"agreementVersion\":\"2026.1\"}")
                .post("/young-people/" + yp + "/agreements").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"charlie@example.org\",\"guardians\":[{\"id\":\"" + ids[1]
                        + "\",\"email\":\"pat.new@example.org\",\"preferredChannel\":\"EMAIL\"}]}")
                .put("/young-people/" + yp + "/contact-details").then().statusCode(200);

        List<String> changes = entries(yp, "coord-a");
        assertEquals(List.of("CHANGE YOUNG_PERSON REGISTERED", "CHANGE CONSENT CONSENT_RECORDED",
                "CHANGE CONSENT CONSENT_WITHDRAWN", "CHANGE SAFETY_AGREEMENT AGREEMENT_RECORDED",
                "CHANGE CONTACT_DETAILS CONTACT_DETAILS_CHANGED: email,guardians[0].email,guardians[0].phone"), changes);
        assertTrue(changes.stream().noneMatch(c -> c.contains("example.org")), "field names, never values");
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "contact-reader")
    void theContactsLookupByTheNotificationServiceIsLogged() {
        YoungPerson yp = TestData.youngPerson("org-a", "Contact Casey");
        given().queryParam("organisation", "org-a").get("/young-people/" + yp.id + "/contacts").then().statusCode(200);

        assertEquals("READ CONTACT_DETAILS", entries(yp.id, "notification-service").getLast());
    }

    @Test
    void anExportIsLogged() {
        YoungPerson yp = TestData.youngPerson("org-a", "Export Eden");
        given().get("/young-people/" + yp.id + "/export").then().statusCode(200);

        assertEquals(List.of("EXPORT YOUNG_PERSON"), entries(yp.id, "dsl-a").subList(1, 2));
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteTheLog() {
        YoungPerson yp = TestData.youngPerson("org-a", "Append Only");
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update access_log set actor_name = 'nobody' where subject_id = ?1")
                        .setParameter(1, yp.id).executeUpdate()));
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from access_log where subject_id = ?1")
                        .setParameter(1, yp.id).executeUpdate()));
        assertEquals(List.of("CHANGE YOUNG_PERSON REGISTERED"), entries(yp.id, "dsl-a"));
    }

    @Test
    void theLogIsQueriedByRecordNewestFirst() {
        YoungPerson yp = TestData.youngPerson("org-a", "Query Quinn");
        UUID consentId = TestData.consent(yp, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), Fixtures.GIVEN_AT, null);
        given().get("/young-people/" + yp.id).then().statusCode(200);

        given().queryParam("recordId", yp.id.toString()).get("/access-log").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("total", equalTo(3))
                .body("items.action", contains("READ", "CHANGE", "CHANGE"))
                .body("items.subjectId", everyItem(equalTo(yp.id.toString())))
                .body("items[0].actor.userName", equalTo("dsl-a"));
        given().queryParam("recordId", consentId.toString()).get("/access-log").then().statusCode(200)
                .body("items.recordType", contains("CONSENT"))
                .body("items[0].detail", equalTo("CONSENT_RECORDED"));
    }

    @Test
    void theLogIsQueriedByUserAndPeriodInPages() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        YoungPerson yp = TestData.youngPerson("org-a", "Paged Parker");
        for (int i = 0; i < 3; i++) {
            given().get("/young-people/" + yp.id).then().statusCode(200);
        }
        String to = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1).toString();

        given().queryParams("user", "DSL-A", "from", start.toString(), "to", to, "recordId", yp.id.toString(),
                        "page", 0, "size", 2)
                .get("/access-log").then().statusCode(200)
                .body("total", equalTo(4)).body("size", equalTo(2))
                .body("items.action", contains("READ", "READ"));
        given().queryParams("user", "dsl-a", "from", start.toString(), "to", to, "recordId", yp.id.toString(),
                        "page", 1, "size", 2)
                .get("/access-log").then().statusCode(200)
                .body("items.action", contains("READ", "CHANGE"));
        given().queryParams("user", "coord-a", "recordId", yp.id.toString()).get("/access-log").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParams("to", start.toString(), "recordId", yp.id.toString()).get("/access-log").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerMayQueryTheLog() {
        given().get("/access-log").then().statusCode(200).body("page", equalTo(0));
    }

    @Test
    @TestSecurity(user = "dsl-b", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsEntriesAreNeverReturned() {
        YoungPerson yp = TestData.youngPerson("org-a", "Not For B");
        given().queryParam("recordId", yp.id.toString()).get("/access-log").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("user", "dsl-b").get("/access-log").then().statusCode(200)
                .body("items.subjectId", everyItem(org.hamcrest.Matchers.not(equalTo(yp.id.toString()))));
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        given().queryParam("recordId", "not-a-uuid").get("/access-log").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().queryParam("from", "yesterday").get("/access-log").then().statusCode(400);
        given().queryParams("from", "2026-03-02T00:00:00Z", "to", "2026-03-01T00:00:00Z").get("/access-log")
                .then().statusCode(400).body("errors.field", hasItem("to"));
        given().queryParam("user", "x".repeat(129)).get("/access-log").then().statusCode(400)
                .body("errors.field", hasItem("user"));
        given().queryParam("size", 0).get("/access-log").then().statusCode(400).body("errors.field", hasItem("size"));
        given().accept("text/html").get("/access-log").then().statusCode(406);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotQueryTheLog() {
        given().get("/access-log").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotQueryTheLog() {
        given().get("/access-log").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotQueryTheLog() {
        given().get("/access-log").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "contact-reader")
    void contactReaderCannotQueryTheLog() {
        given().get("/access-log").then().statusCode(403);
    }
}
