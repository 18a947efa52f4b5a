package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.safesessions.notification.staff.StaffRole;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The staff directory: kept by managers, per organisation. */
@QuarkusTest
class StaffDirectoryTest extends NotificationFixtures {

    private static String entry(String roles) {
        return """
                {"displayName":"Dana Lead","email":"dana@example.org","phone":"+44 7700 900333","roles":[%s]}""".formatted(roles);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerAddsReplacesListsAndRemovesStaff() {
        String userName = "dana-" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType("application/json").body(entry("\"SAFEGUARDING_LEAD\"")).put("/staff/" + userName)
                .then().statusCode(201).body("userName", equalTo(userName)).body("roles", containsInAnyOrder("SAFEGUARDING_LEAD"));
        given().contentType("application/json").body(entry("\"SAFEGUARDING_LEAD\",\"MANAGER\"")).put("/staff/" + userName)
                .then().statusCode(200).body("roles", containsInAnyOrder("SAFEGUARDING_LEAD", "MANAGER"));
        given().get("/staff/" + userName).then().statusCode(200).body("email", equalTo("dana@example.org"))
                .body("phone", equalTo("+44 7700 900333"));
        given().get("/staff?size=200").then().statusCode(200).body("items.userName", hasItem(userName));
        given().delete("/staff/" + userName).then().statusCode(204);
        given().get("/staff/" + userName).then().statusCode(404);
        given().delete("/staff/" + userName).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void badEntriesAre400NamingTheField() {
        given().contentType("application/json").body(entry("")).put("/staff/someone").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body(entry("\"WIZARD\"")).put("/staff/someone").then().statusCode(400);
        given().contentType("application/json").body("""
                {"displayName":"X","email":"not-an-email","roles":["MANAGER"]}""").put("/staff/someone")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("email"));
        given().contentType("application/json").body("""
                {"displayName":"X","phone":"call me","roles":["MANAGER"]}""").put("/staff/someone")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("phone"));
        given().contentType("application/json").body("""
                {"displayName":"","roles":["MANAGER"]}""").put("/staff/someone").then().statusCode(400);
        given().contentType("application/json").body(entry("\"MANAGER\"")).put("/staff/Not%20A%20User").then().statusCode(400);
        given().contentType("application/json").body("{not json").put("/staff/someone").then().statusCode(400);
        given().get("/staff?size=0").then().statusCode(400);
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
        given().contentType("application/json").body(entry("\"MANAGER\"")).put("/staff/worker-a").then().statusCode(401);
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
        given().contentType("application/json").body(entry("\"MANAGER\"")).put("/staff/worker-a").then().statusCode(403);
        given().delete("/staff/worker-a").then().statusCode(403);
    }
}
