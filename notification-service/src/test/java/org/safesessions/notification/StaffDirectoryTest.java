package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.notification.domain.StaffRole;
import org.safesessions.testkit.KeycloakResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff directory (SPEC §2 "Staff identity"): who the staff are is Keycloak's; a manager keeps only what Keycloak
 * does not hold (phone, preferred channel, quiet hours) for a real, enabled member of staff of their organisation,
 * keyed by the Keycloak user id. Behaviour changed on purpose from the hand-edited list: name, email and roles are no
 * longer accepted here, and an unknown user is 404 instead of being created.
 */
@QuarkusTest
class StaffDirectoryTest extends NotificationFixtures {

    private static final String CONTACT = """
            {"phone":"+44 7700 900333","preferredChannel":"SMS","quietHours":true}""";

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
    void managerSetsReplacesAndForgetsTheContactsOfARealMemberOfStaffTypedInAnyCase() {
        given().delete("/staff/dsl-a").then().statusCode(204); // whatever another test left
        given().get("/staff/DSL-A").then().statusCode(200).body("id", equalTo(KeycloakResource.idOf("dsl-a")))
                .body("userName", equalTo("dsl-a")).body("email", equalTo("dsl-a@org-a.example"))
                .body("displayName", equalTo(KeycloakResource.user("dsl-a").firstName() + " " + KeycloakResource.user("dsl-a").lastName()))
                .body("roles", containsInAnyOrder("SAFEGUARDING_LEAD")).body("phone", nullValue())
                .body("preferredChannel", equalTo("EMAIL")).body("quietHours", equalTo(false));
        given().contentType("application/json").body(CONTACT).put("/staff/Dsl-A").then().statusCode(201)
                .body("userName", equalTo("dsl-a")).body("phone", equalTo("+44 7700 900333"))
                .body("preferredChannel", equalTo("SMS")).body("quietHours", equalTo(true))
                .body("contactUpdatedAt", notNullValue());
        StaffContact stored = QuarkusTransaction.requiringNew().call(() ->
                StaffContact.of("org-a", KeycloakResource.idOf("dsl-a")).orElseThrow());
        assertEquals("+44 7700 900333", stored.phone, "kept by Keycloak user id");
        given().contentType("application/json").body("{\"phone\":\"+44 7700 900444\"}").put("/staff/dsl-a").then()
                .statusCode(200).body("phone", equalTo("+44 7700 900444")).body("preferredChannel", equalTo("EMAIL"));
        given().get("/staff?size=200").then().statusCode(200).body("items.userName", hasItem("dsl-a"))
                .body("items.userName", hasItem("worker-a")).body("items.userName", not(hasItem("worker-b")));
        given().delete("/staff/DSL-A").then().statusCode(204);
        given().get("/staff/dsl-a").then().statusCode(200).body("phone", nullValue());
    }

    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
    void nameEmailAndRolesComeFromKeycloakNotFromTheRequest() {
        given().contentType("application/json").body("""
                {"displayName":"Someone Else","email":"elsewhere@example.org","roles":["MANAGER"],"phone":"+44 7700 900555"}""")
                .put("/staff/worker-a").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                .body("email", equalTo("worker-a@org-a.example")).body("roles", containsInAnyOrder("YOUTH_WORKER"))
                .body("phone", equalTo("+44 7700 900555"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
    void someoneWhoIsNotAnEnabledMemberOfStaffOfTheOrganisationIs404() {
        KeycloakResource.disableUser("worker2-a");
        for (String nobody : new String[]{"worker-z", "worker-b", "WORKER-B", "worker2-a", "service-account-notification-service"}) {
            given().get("/staff/" + nobody).then().statusCode(404).contentType("application/problem+json");
            given().contentType("application/json").body(CONTACT).put("/staff/" + nobody).then().statusCode(404);
            given().delete("/staff/" + nobody).then().statusCode(404);
        }
        given().get("/staff?size=200").then().body("items.userName", not(hasItem("worker2-a")));
        assertTrue(QuarkusTransaction.requiringNew().call(() ->
                StaffContact.of("org-b", KeycloakResource.idOf("worker-b")).isEmpty()), "nothing stored for them");
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
    void badEntriesAre400NamingTheField() {
        given().contentType("application/json").body("{\"phone\":\"call me\"}").put("/staff/worker-a")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("phone"));
        given().contentType("application/json").body("{\"preferredChannel\":\"PIGEON\"}").put("/staff/worker-a")
                .then().statusCode(400);
        given().contentType("application/json").body("{not json").put("/staff/worker-a").then().statusCode(400);
        given().get("/staff?size=0").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
    void keycloakUnreachableIs503WithRetryAfter() {
        KeycloakResource.goAway();
        given().get("/staff/worker-a").then().statusCode(503).header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        given().contentType("application/json").body(CONTACT).put("/staff/worker-a").then().statusCode(503);
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsStaffMemberIs404AndNotListed() {
        String theirs = staff("org-a", "worker", null, StaffRole.YOUTH_WORKER);
        given().get("/staff/" + theirs).then().statusCode(404);
        given().delete("/staff/" + theirs).then().statusCode(404);
        given().get("/staff?size=200").then().statusCode(200).body("items.userName", not(hasItem(theirs)));
    }

    @Test
    void staffDirectoryNeedsAToken() {
        given().get("/staff").then().statusCode(401);
        given().get("/staff/worker-a").then().statusCode(401);
        given().contentType("application/json").body(CONTACT).put("/staff/worker-a").then().statusCode(401);
        given().delete("/staff/worker-a").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotManageStaff() {
        forbiddenEverywhere();
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotManageStaff() {
        forbiddenEverywhere();
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void dslCannotManageStaff() {
        forbiddenEverywhere();
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotManageStaff() {
        forbiddenEverywhere();
    }

    private static void forbiddenEverywhere() {
        given().get("/staff").then().statusCode(403);
        given().get("/staff/worker-a").then().statusCode(403);
        given().contentType("application/json").body(CONTACT).put("/staff/worker-a").then().statusCode(403);
        given().delete("/staff/worker-a").then().statusCode(403);
    }
}
