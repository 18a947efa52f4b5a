package org.safesessions.safeguarding;

import org.safesessions.testkit.DemoStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.testkit.KafkaProbe;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DSL's workflow: RAISED → ACKNOWLEDGED → UNDER_REVIEW → ESCALATED / MONITORING / CLOSED, and nothing else. */
@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
class WorkflowTest extends SafeguardingTestStack {

    static final String ESCALATION = "{\"council\":\"E09000024\",\"method\":\"PHONE\",\"reference\":\"MASH-1\","
            + "\"referralSummary\":\"disclosure in a private session\"}";

    private static void post(String id, String step, String body, int status) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        request.post("/concerns/" + id + "/" + step).then().statusCode(status);
    }

    @Test
    void dslTakesAConcernFromRaisedToEscalatedToClosedAndEachStepIsPublished() {
        String id = Fixtures.raise("HIGH");
        given().post("/concerns/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("dsl-a"))
                .body("acknowledgedAt", notNullValue());
        given().contentType(ContentType.JSON).body("{\"text\":\"spoke to the worker\"}")
                .post("/concerns/" + id + "/review").then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        post(id, "chronology", Fixtures.BREAK_CONFIDENTIALITY, 201);
        given().contentType(ContentType.JSON).body(ESCALATION).post("/concerns/" + id + "/escalation").then().statusCode(200)
                .body("status", equalTo("ESCALATED")).body("escalatedCouncil", equalTo("E09000024"))
                .body("escalationMethod", equalTo("PHONE")).body("councilDecisionDueAt", notNullValue());
        given().contentType(ContentType.JSON).body("{\"reason\":\"council took the case\"}")
                .post("/concerns/" + id + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", notNullValue());

        List<String> types = List.of("concern-raised", "concern-acknowledged", "concern-escalated", "concern-closed");
        var records = KafkaProbe.readAll("safeguarding-events", Duration.ofSeconds(20), rs -> types.stream()
                .allMatch(t -> rs.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains(t))));
        for (String t : types) {
            assertTrue(records.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains(t)), t + " published");
        }
        assertFalse(records.stream().filter(r -> id.equals(r.key()))
                .anyMatch(r -> r.value().contains("council took the case") || r.value().contains("private session")),
                "no chronology text on Kafka");
    }

    @Test
    void reviewedConcernMayBeMonitoredThenClosed() {
        String id = Fixtures.raise("LOW");
        post(id, "acknowledgement", null, 200);
        post(id, "review", "{}", 200);
        given().contentType(ContentType.JSON).body("{\"text\":\"check in weekly\"}")
                .post("/concerns/" + id + "/monitoring").then().statusCode(200).body("status", equalTo("MONITORING"));
        post(id, "closure", "{\"reason\":\"no further worries after six weeks\"}", 200);
    }

    @Test
    void illegalStatusTransitionIs409() {
        String id = Fixtures.raise("MEDIUM");
        given().contentType(ContentType.JSON).body("{\"reason\":\"too early\"}").post("/concerns/" + id + "/closure")
                .then().statusCode(409).body("rule", equalTo("illegal-status-transition"));
        post(id, "review", "{}", 409);
        post(id, "monitoring", "{\"text\":\"watch\"}", 409);
        post(id, "escalation", ESCALATION, 409);
        post(id, "acknowledgement", null, 200);
        post(id, "acknowledgement", null, 409);
        post(id, "escalation", ESCALATION, 409);
        post(id, "review", "{}", 200);
        post(id, "review", "{}", 409);
        post(id, "closure", "{\"reason\":\"resolved in the review\"}", 200);
        for (String step : List.of("acknowledgement", "review")) {
            post(id, step, "{}", 409);
        }
        post(id, "monitoring", "{\"text\":\"watch\"}", 409);
        post(id, "escalation", ESCALATION, 409);
        post(id, "closure", "{\"reason\":\"again\"}", 409);
    }

    @Test
    void closureNeedsAReason() {
        String id = Fixtures.raise("LOW");
        post(id, "acknowledgement", null, 200);
        post(id, "review", "{}", 200);
        for (String body : List.of("{}", "{\"reason\":\"   \"}")) {
            given().contentType(ContentType.JSON).body(body).post("/concerns/" + id + "/closure").then().statusCode(400)
                    .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
        }
        given().contentType(ContentType.JSON).post("/concerns/" + id + "/closure").then().statusCode(400);
        given().get("/concerns/" + id).then().body("status", equalTo("UNDER_REVIEW"));
    }

    @Test
    void escalationNamesACouncilCodeAndAMethod() {
        String id = Fixtures.raise("LOW");
        post(id, "acknowledgement", null, 200);
        post(id, "review", "{}", 200);
        given().contentType(ContentType.JSON).body("{\"council\":\"Hackney\",\"method\":\"PHONE\"}")
                .post("/concerns/" + id + "/escalation").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("council")));
        given().contentType(ContentType.JSON).body("{\"council\":\"E09000024\"}")
                .post("/concerns/" + id + "/escalation").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("method")));
        given().contentType(ContentType.JSON).body("{\"council\":\"E09000024\",\"method\":\"CARRIER_PIGEON\"}")
                .post("/concerns/" + id + "/escalation").then().statusCode(400);
        post(id, "monitoring", "{}", 400);
    }
}
