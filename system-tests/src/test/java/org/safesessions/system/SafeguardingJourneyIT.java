package org.safesessions.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The safeguarding journey on the real stack (SPEC §5): a worker raises an IMMEDIATE_DANGER concern, the DSL
 * acknowledges, reviews and escalates it to council E09000024, that council reads the referral (without the DSL's
 * internal notes) and responds, and council E10000020 sees nothing of it.
 */
class SafeguardingJourneyIT {

    private static final String CONCERNS = Suite.SAFEGUARDING + "/concerns";
    private static final String INTERNAL_NOTE = "internal: DSL spoke to the worker who raised it";

    @Test
    void workerRaisesDslEscalatesCouncilRespondsOtherCouncilSeesNothing() {
        String narrative = "In the group session a young person said an adult online is pressuring them to meet today";
        String concern = Suite.as("worker-a").contentType(ContentType.JSON).body("""
                        {"subjectType":"YOUNG_PERSON","youngPersonId":"%s","youngPersonDateOfBirth":"%s",
                         "categories":["SEXUAL_EXPLOITATION","STRANGER_CONTACT"],"risk":"IMMEDIATE_DANGER",
                         "narrative":"%s"}""".formatted(UUID.randomUUID(), LocalDate.now().minusYears(14), narrative))
                .post(CONCERNS).then().statusCode(201)
                .body("status", equalTo("RAISED")).body("narrative", nullValue())
                .extract().path("id");
        String reference = Suite.as("dsl-a").get(CONCERNS + "/" + concern).then().statusCode(200)
                .body("narrative", equalTo(narrative)).body("acknowledgementDueAt", notNullValue())
                .extract().path("reference");

        Suite.as("dsl-a").post(CONCERNS + "/" + concern + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("dsl-a"));
        Suite.as("dsl-a").contentType(ContentType.JSON).body("{\"kind\":\"NOTE\",\"text\":\"" + INTERNAL_NOTE + "\"}")
                .post(CONCERNS + "/" + concern + "/chronology").then().statusCode(201);
        Suite.as("dsl-a").contentType(ContentType.JSON).body("{}")
                .post(CONCERNS + "/" + concern + "/review").then().statusCode(200);
        // the escalation's lawful basis (SPEC §5): this young person has no INFORMATION_SHARING consent
        Suite.as("dsl-a").contentType(ContentType.JSON).body("""
                        {"kind":"CONFIDENTIALITY_DECISION","decision":"BREAK_CONFIDENTIALITY",
                         "justification":"immediate danger outweighs confidentiality","decidedBy":"dsl-a",
                         "informed":["the young person"]}""")
                .post(CONCERNS + "/" + concern + "/chronology").then().statusCode(201);
        Suite.as("dsl-a").contentType(ContentType.JSON).body("""
                        {"council":"E09000024","method":"PHONE","reference":"MASH call 14:05",
                         "referralSummary":"Immediate danger: arranged meeting with an adult contact today"}""")
                .post(CONCERNS + "/" + concern + "/escalation").then().statusCode(200)
                .body("status", equalTo("ESCALATED")).body("councilDecisionDueAt", notNullValue());

        String council = Suite.clientToken("council-e09000024");
        given().auth().oauth2(council).get(Suite.SAFEGUARDING + "/council/referrals?size=200").then().statusCode(200)
                .body("items.id", hasItem(concern));
        given().auth().oauth2(council).get(Suite.SAFEGUARDING + "/council/referrals/" + concern).then().statusCode(200)
                .body("referral.reference", equalTo(reference))
                .body("narrative", equalTo(narrative))
                .body("history.kind", contains("ESCALATION"))
                .body(not(containsString(INTERNAL_NOTE)));
        given().auth().oauth2(council).contentType(ContentType.JSON)
                .body("{\"decision\":\"ACCEPTED\",\"reference\":\"E09-CS-1001\",\"decidedAt\":\""
                        + OffsetDateTime.now(ZoneOffset.UTC).withNano(0) + "\"}")
                .post(Suite.SAFEGUARDING + "/council/referrals/" + concern + "/responses").then().statusCode(201)
                .body("decision", equalTo("ACCEPTED"));

        String otherCouncil = Suite.clientToken("council-e10000020");
        given().auth().oauth2(otherCouncil).get(Suite.SAFEGUARDING + "/council/referrals?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(concern)));
        given().auth().oauth2(otherCouncil).get(Suite.SAFEGUARDING + "/council/referrals/" + concern).then().statusCode(404);
        given().auth().oauth2(otherCouncil).contentType(ContentType.JSON)
                .body("{\"decision\":\"NO_FURTHER_ACTION\",\"reference\":\"x\",\"decidedAt\":\""
                        + OffsetDateTime.now(ZoneOffset.UTC).withNano(0) + "\"}")
                .post(Suite.SAFEGUARDING + "/council/referrals/" + concern + "/responses").then().statusCode(404);

        Suite.as("dsl-a").get(CONCERNS + "/" + concern).then().body("councilDecision", equalTo("ACCEPTED"));
        Suite.as("dsl-a").get(CONCERNS + "/" + concern + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(true));
        Suite.as("dsl-a").get(CONCERNS + "/" + concern + "/access-log?size=200").then().statusCode(200)
                .body("items.accessedBy", hasItem("service-account-council-e09000024"));
        Suite.as("worker-a").get(CONCERNS + "/" + concern).then().statusCode(200).body("narrative", nullValue());
        Suite.as("dsl-b").get(CONCERNS + "/" + concern).then().statusCode(404);
        given().get(CONCERNS).then().statusCode(401);
    }
}
