package org.safesessions.safeguarding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.domain.AccessRecord;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.application.Chronology;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.testkit.KafkaProbe;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner councils: their referrals only, never the DSL's internal notes, and their responses. */
@QuarkusTest
@TestSecurity(user = "service-account-council-e09000024", roles = "partner-council")
@OidcSecurity(claims = {@Claim(key = "council", value = "E09000024"),
        @Claim(key = "preferred_username", value = "service-account-council-e09000024")})
class CouncilReferralsTest extends SafeguardingTestStack {

    static final String INTERNAL_NOTE = "DSL thinks the step-father may be involved";

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    @Inject
    Chronology chronology;

    private Concern escalatedTo(String council) {
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        workflow.record(Fixtures.dsl("org-a"), c.id, new ConcernWorkflow.RecordEntry(ChronologyKind.NOTE, INTERNAL_NOTE,
                null, null, null, null, null));
        Fixtures.escalate(workflow, "org-a", c.id, council);
        return c;
    }

    @Test
    void councilReadsOnlyReferralsEscalatedToItWithoutInternalNotes() {
        Concern ours = escalatedTo("E09000024");
        Concern theirs = escalatedTo("E10000020");
        Concern notEscalated = Fixtures.raiseAs(register, "org-b", "worker-b", SubjectType.YOUNG_PERSON, null, RiskLevel.LOW);
        given().get("/council/referrals?size=200").then().statusCode(200)
                .body("items.id", hasItem(ours.id.toString()))
                .body("items.id", not(hasItem(theirs.id.toString())))
                .body("items.id", not(hasItem(notEscalated.id.toString())));
        given().get("/council/referrals/" + ours.id).then().statusCode(200)
                .body("referral.reference", equalTo(ours.reference))
                .body("referral.organisation", equalTo("org-a"))
                .body("narrative", equalTo(Fixtures.NARRATIVE))
                .body("history.kind", contains("ESCALATION"))
                .body("history[0].text", equalTo("Referral: disclosure of online sexual exploitation"))
                .body(not(containsString(INTERNAL_NOTE)));
        given().get("/council/referrals/" + theirs.id).then().statusCode(404).body(not(containsString("Jamie")));
        given().get("/council/referrals/" + notEscalated.id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(response("ACCEPTED", OffsetDateTime.now(ZoneOffset.UTC)))
                .post("/council/referrals/" + theirs.id + "/responses").then().statusCode(404);
        long councilReads = QuarkusTransaction.requiringNew().call(() -> AccessRecord.count(
                "concernId = ?1 and view = ?2 and accessedBy = ?3", ours.id, AccessRecord.View.COUNCIL_REFERRAL,
                "service-account-council-e09000024"));
        assertEquals(1, councilReads, "the council's read is in the access log");
    }

    static String response(String decision, OffsetDateTime decidedAt) {
        return "{\"decision\":\"%s\",\"reference\":\"LA-2026-1234\",\"decidedAt\":\"%s\"}".formatted(decision, decidedAt);
    }

    @Test
    void councilRespondsReceivedThenAcceptedAndTheDecisionIsRecorded() {
        Concern c = escalatedTo("E09000024");
        given().contentType(ContentType.JSON).body(response("RECEIVED", OffsetDateTime.now(ZoneOffset.UTC)))
                .post("/council/referrals/" + c.id + "/responses").then().statusCode(201)
                .body("decision", equalTo("RECEIVED")).body("decidedAt", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON).body(response("ACCEPTED", OffsetDateTime.now(ZoneOffset.UTC)))
                .post("/council/referrals/" + c.id + "/responses").then().statusCode(201)
                .body("decision", equalTo("ACCEPTED")).body("decidedAt", org.hamcrest.Matchers.notNullValue());
        given().get("/council/referrals/" + c.id).then()
                .body("history.kind", contains("ESCALATION", "COUNCIL_RESPONSE", "COUNCIL_RESPONSE"))
                .body("history[2].councilDecision", equalTo("ACCEPTED"))
                .body("history[2].reference", equalTo("LA-2026-1234"));
        var responses = QuarkusTransaction.requiringNew().call(() ->
                chronology.read(c.id, k -> k == ChronologyKind.COUNCIL_RESPONSE));
        assertEquals(2, responses.size(), "responses are in the DSL's chronology");
        ChronologyBody accepted = responses.get(1).body();
        assertEquals("E09000024", accepted.council());
        var records = KafkaProbe.readAll("safeguarding-events", Duration.ofSeconds(20), rs ->
                rs.stream().filter(r -> c.id.toString().equals(r.key()) && r.value().contains("council-responded")).count() == 2);
        var published = records.stream().filter(r -> c.id.toString().equals(r.key()) && r.value().contains("council-responded")).toList();
        assertEquals(2, published.size());
        assertTrue(published.stream().anyMatch(r -> r.value().contains("ACCEPTED")));
        assertFalse(published.stream().anyMatch(r -> r.value().contains("LA-2026-1234")), "their reference stays here");
    }

    @Test
    void councilResponseBadInputIs400Or422NamingTheRule() {
        Concern c = escalatedTo("E09000024");
        String path = "/council/referrals/" + c.id + "/responses";
        given().contentType(ContentType.JSON).body("{\"reference\":\"x\",\"decidedAt\":\"" + OffsetDateTime.now() + "\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem(containsString("decision")));
        given().contentType(ContentType.JSON).body("{\"decision\":\"ACCEPTED\",\"decidedAt\":\"" + OffsetDateTime.now() + "\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem(containsString("reference")));
        given().contentType(ContentType.JSON).body("{\"decision\":\"MAYBE\",\"reference\":\"x\",\"decidedAt\":\"" + OffsetDateTime.now() + "\"}")
                .post(path).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"decision\":\"ACCEPTED\",\"reference\":\"x\",\"decidedAt\":\"yesterday\"}")
                .post(path).then().statusCode(400);
        given().contentType(ContentType.JSON).body(response("ACCEPTED", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2)))
                .post(path).then().statusCode(422).body("rule", equalTo("decision-time-not-in-the-future"));
        given().contentType(ContentType.JSON).body(response("ACCEPTED", OffsetDateTime.now(ZoneOffset.UTC).minusDays(30)))
                .post(path).then().statusCode(422).body("rule", equalTo("decision-time-after-escalation"));
        given().contentType(ContentType.JSON).body(response("ACCEPTED", OffsetDateTime.now(ZoneOffset.UTC)))
                .post("/council/referrals/" + UUID.randomUUID() + "/responses").then().statusCode(404);
        given().get("/council/referrals?size=500").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "service-account-council-e10000020", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E10000020"))
    void anotherCouncilSeesNothingOfThisReferral() {
        Concern c = escalatedTo("E09000024");
        given().get("/council/referrals?size=200").then().statusCode(200).body("items.id", not(hasItem(c.id.toString())));
        given().get("/council/referrals/" + c.id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "some-client", roles = "partner-council")
    void councilTokenWithoutCouncilClaimIsRefused() {
        given().get("/council/referrals").then().statusCode(403);
    }
}
