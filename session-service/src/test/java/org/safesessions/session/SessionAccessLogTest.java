package org.safesessions.session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * Every read, list and change of session data is in the access log (SPEC §3): sessions, invitations (under the young
 * person they are about), join details and the attendance report; DSLs and managers query it (SPEC §2) at
 * {@code /sessions/access-log}.
 */
@QuarkusTest
class SessionAccessLogTest extends SessionTestStack {

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void bookingReadingAndInvitingAreLoggedAndAnInvitationUnderTheYoungPerson() {
        Fixtures.approve("org-a", Platform.TEAMS);
        UUID invitee = Fixtures.consentedYoungPerson("org-a", ConsentScope.GROUP_SESSIONS, Platform.TEAMS);
        String id = Fixtures.bookGroup(Platform.TEAMS, List.of());
        given().get("/sessions/" + id).then().statusCode(200);
        given().get("/sessions").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"youngPersonIds\":[\"" + invitee + "\"]}")
                .post("/sessions/" + id + "/invitations").then().statusCode(200);
        given().delete("/sessions/" + id + "/invitations/" + invitee).then().statusCode(200);
        // the coordinator may not read the log: what it holds is checked through the kit's query, as a DSL would
        var log = io.quarkus.arc.Arc.container().instance(org.safesessions.kit.audit.AccessLog.class).get();
        var aboutSession = log.query("org-a", filter(id, null), 0, 50).items();
        assertActions(aboutSession.stream().map(e -> e.action.name() + " " + e.recordType + " " + e.detail).toList(),
                "CHANGE SESSION BOOKED", "READ SESSION null", "CHANGE INVITATION INVITED", "CHANGE INVITATION UNINVITED");
        var aboutYoungPerson = log.query("org-a", filter(invitee.toString(), null), 0, 50).items();
        assertActions(aboutYoungPerson.stream().map(e -> e.detail).toList(), "INVITED", "UNINVITED");
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void aDslQueriesTheLogByUserInAnyCase() {
        UUID someone = UUID.randomUUID();
        var log = io.quarkus.arc.Arc.container().instance(org.safesessions.kit.audit.AccessLog.class).get();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> log.record("org-a",
                org.safesessions.kit.audit.Actor.service("session-service"),
                org.safesessions.kit.audit.Access.read("JOIN_DETAILS", UUID.randomUUID()).about(someone)));
        given().queryParam("recordId", someone.toString()).get("/sessions/access-log").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("items.recordType", equalTo(List.of("JOIN_DETAILS")));
        given().queryParam("user", "SESSION-SERVICE").get("/sessions/access-log").then().statusCode(200)
                .body("items.recordType", hasItem("JOIN_DETAILS"));
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsEntriesAreNeverReturned() {
        UUID someone = UUID.randomUUID();
        var log = io.quarkus.arc.Arc.container().instance(org.safesessions.kit.audit.AccessLog.class).get();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> log.record("org-a",
                org.safesessions.kit.audit.Actor.service("session-service"),
                org.safesessions.kit.audit.Access.read("JOIN_DETAILS", UUID.randomUUID()).about(someone)));
        given().queryParam("recordId", someone.toString()).get("/sessions/access-log").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void badFiltersAre400() {
        given().queryParam("recordId", "not-a-uuid").get("/sessions/access-log").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void theLogNeedsAToken() {
        given().get("/sessions/access-log").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotQueryTheLog() {
        given().get("/sessions/access-log").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotQueryTheLog() {
        given().get("/sessions/access-log").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotQueryTheLog() {
        given().get("/sessions/access-log").then().statusCode(403);
    }

    private static org.safesessions.kit.audit.AccessLogFilter filter(String recordId, String user) {
        org.safesessions.kit.audit.AccessLogFilter f = new org.safesessions.kit.audit.AccessLogFilter();
        f.recordId = recordId == null ? null : UUID.fromString(recordId);
        f.user = user;
        return f;
    }

    private static void assertActions(List<String> actual, String... expected) {
        org.hamcrest.MatcherAssert.assertThat(actual, hasItems(expected));
    }
}
