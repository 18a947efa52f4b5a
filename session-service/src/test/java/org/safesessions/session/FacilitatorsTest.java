package org.safesessions.session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.Platform;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.KeycloakResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The facilitator picker ({@code GET /facilitators}, SPEC §2 "Staff identity", §4): the caller's organisation's
 * enabled staff whose role may lead a session, read from Keycloak (test-kit's stand-in, seeded from the realm file),
 * exactly those booking accepts, with no contact details; read by every staff role of the organisation (a session's
 * page names its facilitators by display name), never by partner councils or service accounts.
 */
@QuarkusTest
class FacilitatorsTest extends SessionTestStack {

    /** org-a's staff who may lead, as the realm file has them, by display name. */
    private static final List<Map<String, String>> ORG_A_FACILITATORS = List.of(
            Map.of("id", DemoStaff.COORD_A, "userName", "coord-a", "displayName", "Casey Coordinator A"),
            Map.of("id", DemoStaff.MANAGER_A, "userName", "manager-a", "displayName", "Morgan Manager A"),
            Map.of("id", DemoStaff.WORKER2_A, "userName", "worker2-a", "displayName", "Second Worker A"),
            Map.of("id", DemoStaff.WORKER_A, "userName", "worker-a", "displayName", "Youth Worker A"));

    @AfterEach
    void realmAsCommitted() {
        KeycloakResource.comeBack();
        KeycloakResource.reset();
    }

    private static JsonPath facilitators() {
        return given().get("/facilitators").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void theTestsStaffIdsAreTheDirectorysIds() {
        assertEquals(KeycloakResource.idOf("coord-a"), DemoStaff.COORD_A);
        assertEquals(KeycloakResource.idOf("manager-a"), DemoStaff.MANAGER_A);
        assertEquals(KeycloakResource.idOf("worker-a"), DemoStaff.WORKER_A);
        assertEquals(KeycloakResource.idOf("worker2-a"), DemoStaff.WORKER2_A);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void theOrganisationsYouthWorkersCoordinatorsAndManagersByDisplayName() {
        assertEquals(ORG_A_FACILITATORS, facilitators().getList("$"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managersSeeTheSamePicker() {
        assertEquals(ORG_A_FACILITATORS, facilitators().getList("$"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void idsAndNamesOnlyNeverEmailOrOtherContactDetails() {
        List<Map<String, Object>> listed = facilitators().getList("$");
        listed.forEach(person -> assertEquals(java.util.Set.of("id", "userName", "displayName"), person.keySet()));
        given().get("/facilitators").then().body(not(org.hamcrest.Matchers.containsString("@")));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void anotherOrganisationsStaffNeverAppear() {
        List<String> ids = facilitators().getList("id");
        List.of("worker-b", "worker2-b", "coord-b", "manager-b", "dsl-b")
                .forEach(name -> assertEquals(false, ids.contains(KeycloakResource.idOf(name)), name));
    }

    @Test
    @TestSecurity(user = "coord-b", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void eachOrganisationSeesOnlyItsOwnStaff() {
        assertEquals(List.of("coord-b", "manager-b", "worker2-b", "worker-b"), facilitators().getList("userName"));
        given().get("/facilitators").then().body("id", not(hasItem(DemoStaff.WORKER_A)))
                .body("id", not(hasItem(DemoStaff.COORD_A)));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void staffWithoutALeadingRoleAreNotOffered() {
        KeycloakResource.addUser("org-a", "dsl2-a", "safeguarding-lead");
        List<String> names = facilitators().getList("userName");
        assertEquals(false, names.contains("dsl-a"), "a safeguarding lead does not lead sessions");
        assertEquals(false, names.contains("dsl2-a"), "a safeguarding lead does not lead sessions");
        assertEquals(false, names.stream().anyMatch(n -> n.startsWith("service-account-")),
                "service accounts are in Keycloak but are nobody's staff");
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void disabledUsersAndUsersOfNoOneOrganisationAreNotOffered() {
        KeycloakResource.addUser("org-a", "leaver-a", "youth-worker");
        KeycloakResource.addUserWithOrganisations("roaming-worker", List.of("org-a", "org-b"), "youth-worker");
        KeycloakResource.addUserWithOrganisations("homeless-worker", List.of(), "youth-worker");
        assertEquals(true, facilitators().getList("userName").contains("leaver-a"), "enabled: offered");
        KeycloakResource.disableUser("leaver-a");
        List<String> names = facilitators().getList("userName");
        assertEquals(false, names.contains("leaver-a"), "disabled: no longer offered");
        assertEquals(false, names.contains("roaming-worker"), "several organisations: staff of none");
        assertEquals(false, names.contains("homeless-worker"), "no organisation: staff of none");
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void sortedByDisplayNameThenUserName() {
        // addUser gives display name "Test <user name>": the same first word, so user names break ties among them
        KeycloakResource.addUser("org-a", "zed-a", "youth-worker");
        KeycloakResource.addUser("org-a", "abe-a", "youth-worker");
        List<String> names = facilitators().getList("displayName");
        assertEquals(List.of("Casey Coordinator A", "Morgan Manager A", "Second Worker A", "Test abe-a", "Test zed-a",
                "Youth Worker A"), names);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void everyoneOfferedIsAcceptedAsFacilitatorByBooking() {
        Fixtures.approve("org-a", Platform.TEAMS);
        KeycloakResource.addUser("org-a", "new-worker-a", "youth-worker");
        List<String> offered = facilitators().getList("userName");
        assertEquals(true, offered.contains("new-worker-a"));
        Fixtures.book(Fixtures.groupSession(Fixtures.workingDayAt(3, 10), 60, Platform.TEAMS, offered,
                        Fixtures.consentedGroup("org-a", 1, Platform.TEAMS)))
                .statusCode(201).body("facilitators", equalTo(offered.stream().sorted().toList()));
        Fixtures.book(Fixtures.groupSession(Fixtures.workingDayAt(3, 12), 60, Platform.TEAMS,
                        List.of(offered.get(0), offered.get(offered.size() - 1)),
                        Fixtures.consentedGroup("org-a", 1, Platform.TEAMS)))
                .statusCode(201);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keycloakUnreachableIs503WithRetryAfterNeverAGuess() {
        KeycloakResource.goAway();
        given().get("/facilitators").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5")).body("status", equalTo(503));
        KeycloakResource.comeBack();
        KeycloakResource.failWith(500);
        given().get("/facilitators").then().statusCode(503).header("Retry-After", startsWith("5"));
        KeycloakResource.failWith(0);
        assertEquals(ORG_A_FACILITATORS, facilitators().getList("$"));
    }

    @Test
    void withoutATokenIs401() {
        given().get("/facilitators").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void youthWorkersReadTheStaffListByDisplayNameToNameTheirSessionsFacilitators() {
        assertEquals(ORG_A_FACILITATORS, facilitators().getList("$"));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void safeguardingLeadsReadTheSameListWithoutContactDetails() {
        List<Map<String, Object>> listed = facilitators().getList("$");
        assertEquals(ORG_A_FACILITATORS, listed);
        given().get("/facilitators").then().body(not(org.hamcrest.Matchers.containsString("@")));
    }

    @Test
    @TestSecurity(user = "worker-b", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void aYouthWorkerOfAnotherOrganisationSeesOnlyTheirOwnStaff() {
        List<String> ids = facilitators().getList("id");
        ORG_A_FACILITATORS.forEach(person -> assertEquals(false, ids.contains(person.get("id")), person.get("userName")));
        assertEquals(List.of("coord-b", "manager-b", "worker2-b", "worker-b"), facilitators().getList("userName"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    void aYouthWorkersTokenWithoutAnOrganisationIs403() {
        given().get("/facilitators").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilsAre403() {
        given().get("/facilitators").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "invitation-reader")
    void serviceAccountsAre403() {
        given().get("/facilitators").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    void aCoordinatorsTokenWithoutAnOrganisationIs403() {
        given().get("/facilitators").then().statusCode(403).contentType("application/problem+json");
    }
}
