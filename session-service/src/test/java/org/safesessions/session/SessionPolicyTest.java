package org.safesessions.session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.Platform;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The organisation's session policy and approved platforms: defaults from SPEC §4, edited by managers only. */
@QuarkusTest
class SessionPolicyTest extends SessionTestStack {

    static final String POLICY = """
            {"minGroupFacilitators":3,"maxGroupSize":8,"workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
             "workingDayStarts":"09:30","workingDayEnds":"17:30","timeZone":"Europe/London","maxLengthMinutes":60}""";

    static String assessment(LocalDate on, LocalDate due) {
        return """
                {"assessedBy":"Sam Manager","assessedOn":"%s","reviewDue":"%s"}""".formatted(on, due);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-fresh"))
    void policyDefaultsComeFromTheSeeds() {
        given().get("/policy").then().statusCode(200)
                .body("minGroupFacilitators", equalTo(2))
                .body("maxGroupSize", equalTo(12))
                .body("workingDayStarts", equalTo("09:00:00"))
                .body("workingDayEnds", equalTo("18:00:00"))
                .body("timeZone", equalTo("Europe/London"))
                .body("maxLengthMinutes", equalTo(90))
                .body("workingDays", equalTo(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")))
                .body("platforms.size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "manager-c", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-c"))
    void managerEditsPolicyAndApprovesPlatforms() {
        given().contentType(ContentType.JSON).body(POLICY).put("/policy").then().statusCode(200)
                .body("minGroupFacilitators", equalTo(3)).body("updatedBy", equalTo("manager-c"));
        given().get("/policy").then().body("maxGroupSize", equalTo(8)).body("maxLengthMinutes", equalTo(60));

        LocalDate today = LocalDate.now(Fixtures.LONDON);
        given().contentType(ContentType.JSON).body(assessment(today.minusDays(10), today.plusMonths(6)))
                .put("/policy/platforms/ZOOM").then().statusCode(200).body("approved", equalTo(true));
        given().get("/policy").then().body("platforms.platform", hasItem("ZOOM"));
        given().delete("/policy/platforms/ZOOM").then().statusCode(204);
        given().delete("/policy/platforms/ZOOM").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "manager-d", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-d"))
    void platformPastItsReviewDateIsNotApproved() {
        LocalDate today = LocalDate.now(Fixtures.LONDON);
        given().contentType(ContentType.JSON).body(assessment(today.minusYears(2), today.minusDays(1)))
                .put("/policy/platforms/TEAMS").then().statusCode(200).body("approved", equalTo(false));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void badPolicyInputIs400NamingTheField() {
        given().contentType(ContentType.JSON).body(POLICY.replace("\"minGroupFacilitators\":3", "\"minGroupFacilitators\":1"))
                .put("/policy").then().statusCode(400).body("errors[0].field", equalTo("minGroupFacilitators"));
        given().contentType(ContentType.JSON).body(POLICY.replace("Europe/London", "Mars/Olympus"))
                .put("/policy").then().statusCode(400).body("errors[0].field", equalTo("timeZoneKnown"));
        given().contentType(ContentType.JSON).body(POLICY.replace("\"17:30\"", "\"08:00\""))
                .put("/policy").then().statusCode(400).body("errors[0].field", equalTo("workingDayOrdered"));
        given().contentType(ContentType.JSON).body(POLICY.replace("MONDAY", "MOONDAY")).put("/policy").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{not json").put("/policy").then().statusCode(400);
        LocalDate today = LocalDate.now(Fixtures.LONDON);
        given().contentType(ContentType.JSON).body(assessment(today, today.minusDays(1)))
                .put("/policy/platforms/ZOOM").then().statusCode(400);
        given().contentType(ContentType.JSON).body(assessment(today, today.plusYears(1)))
                .put("/policy/platforms/CARRIER_PIGEON").then().statusCode(400);
    }

    @Test
    void policyWithoutTokenIs401() {
        given().get("/policy").then().statusCode(401);
        given().contentType(ContentType.JSON).body(POLICY).put("/policy").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotEditPolicy() {
        given().contentType(ContentType.JSON).body(POLICY).put("/policy").then().statusCode(403);
        given().contentType(ContentType.JSON).body(assessment(LocalDate.now(), LocalDate.now().plusYears(1)))
                .put("/policy/platforms/ZOOM").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotEditPolicy() {
        given().contentType(ContentType.JSON).body(POLICY).put("/policy").then().statusCode(403);
        given().delete("/policy/platforms/ZOOM").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void safeguardingLeadCannotEditPolicy() {
        given().contentType(ContentType.JSON).body(POLICY).put("/policy").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotReadPolicy() {
        given().get("/policy").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsApprovalsAreNotSeen() {
        Fixtures.approve("org-e", Platform.SKYPE);
        given().get("/policy").then().body("platforms.platform", org.hamcrest.Matchers.not(hasItem("SKYPE")));
        given().delete("/policy/platforms/SKYPE").then().statusCode(404);
    }
}
