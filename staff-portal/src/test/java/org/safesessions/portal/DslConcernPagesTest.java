package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * The DSL's pages: the dashboard (clocks first with their countdown, open concerns by status and risk, filters,
 * paging), a concern's full record with its chronology as a timeline and the chain verification, and the DSL's moves
 * (the JSON each sends, CSRF, a refused rule at its field, the wrong role refused, the service down or refusing).
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
class DslConcernPagesTest {

    static final String CONCERN = "66666666-6666-6666-6666-666666666666";
    static final String LATE = "88888888-8888-8888-8888-888888888888";
    static final String E1 = "e0000000-0000-0000-0000-000000000001";
    static final String E2 = "e0000000-0000-0000-0000-000000000002";
    static final String E3 = "e0000000-0000-0000-0000-000000000003";

    WireMockServer services;

    static String summary(String id, String reference, String status, String risk, String raisedAt) {
        return """
                {"id":"%s","reference":"%s","subjectType":"YOUNG_PERSON","categories":["CYBERBULLYING"],"risk":"%s",
                 "status":"%s","source":"STAFF","raisedBy":"worker-a","raisedAt":"%s"}""".formatted(id, reference, risk, status, raisedAt);
    }

    @BeforeEach
    void stubs() {
        services.resetAll();
        String fiveMinutesAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString();
        String anHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String dueLongAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(45).truncatedTo(ChronoUnit.SECONDS).toString();
        services.stubFor(get(urlPathEqualTo("/concerns")).willReturn(okJson("""
                {"items":[%s],"page":0,"size":20,"total":1}""".formatted(summary(CONCERN, "SG-2026-000001", "RAISED", "IMMEDIATE_DANGER", fiveMinutesAgo)))));
        services.stubFor(get(urlPathEqualTo("/concerns")).withQueryParam("status", equalTo("ESCALATED")).willReturn(okJson("""
                {"items":[],"page":0,"size":20,"total":0}""")));
        services.stubFor(get(urlPathEqualTo("/concerns/overdue")).willReturn(okJson("""
                {"items":[{"concern":%s,"clock":"ACKNOWLEDGEMENT","dueAt":"%s"}],"page":0,"size":50,"total":1}"""
                .formatted(summary(LATE, "SG-2026-000002", "RAISED", "IMMEDIATE_DANGER", anHourAgo), dueLongAgo))));
        services.stubFor(get(urlPathEqualTo("/concerns/" + CONCERN)).willReturn(okJson("""
                {"id":"%s","reference":"SG-2026-000001","subjectType":"YOUNG_PERSON","youngPersonId":"22222222-2222-2222-2222-222222222222",
                 "categories":["CYBERBULLYING"],"risk":"IMMEDIATE_DANGER","status":"UNDER_REVIEW","source":"STAFF","raisedBy":"worker-a",
                 "raisedAt":"%s","narrative":"Sam was sent threats <b>tonight</b>","acknowledgementDueAt":null,"acknowledgedAt":"%s",
                 "acknowledgedBy":"dsl-a","reviewDueOn":"2037-03-04"}""".formatted(CONCERN, fiveMinutesAgo, fiveMinutesAgo))));
        services.stubFor(get(urlPathEqualTo("/concerns/" + CONCERN + "/chronology")).willReturn(okJson("""
                [{"id":"%s","seq":1,"kind":"RAISED","recordedAt":"2026-12-02T10:00:00Z","recordedBy":"worker-a"},
                 {"id":"%s","seq":2,"kind":"NOTE","recordedAt":"2026-12-02T10:05:00Z","recordedBy":"dsl-a","text":"Spoke to Sam on Tusday"},
                 {"id":"%s","seq":3,"kind":"NOTE","recordedAt":"2026-12-02T10:06:00Z","recordedBy":"dsl-a","text":"Spoke to Sam on Tuesday","corrects":"%s"},
                 {"id":"e0000000-0000-0000-0000-000000000004","seq":4,"kind":"CONFIDENTIALITY_DECISION","recordedAt":"2026-12-02T10:07:00Z",
                  "recordedBy":"dsl-a","decision":"BREAK_CONFIDENTIALITY","justification":"Risk of serious harm","decidedBy":"dsl-a",
                  "informed":["the young person","Mum, by phone"]}]""".formatted(E1, E2, E3, E2))));
        services.stubFor(get(urlPathEqualTo("/concerns/" + CONCERN + "/chronology/verification")).willReturn(okJson("""
                {"intact":true,"entries":4}""")));
    }

    @Test
    void theDashboardShowsOverdueClocksFirstThenTheImmediateDangerToAcknowledgeWithItsCountdown() {
        String page = given().get("/concerns").then().statusCode(200)
                .body(containsString("Overdue and due soon"), containsString("overdue by 45 minutes"),
                        containsString("due in 10 minutes"), containsString("data-countdown=\""),
                        containsString("hx-get=\"/concerns/clocks\" hx-trigger=\"every 15s\""),
                        containsString("Open concerns by status and risk"), containsString("Apply filters"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.indexOf("SG-2026-000002") < page.indexOf("SG-2026-000001"),
                "the overdue clock comes first");
        org.junit.jupiter.api.Assertions.assertTrue(page.indexOf("Overdue and due soon") < page.indexOf("Open concerns by status and risk"),
                "the clocks come before everything else");
        // each cell of the counts is the service's own total for that status and risk
        services.verify(getRequestedFor(urlPathEqualTo("/concerns")).withQueryParam("status", equalTo("MONITORING"))
                .withQueryParam("risk", equalTo("LOW")).withQueryParam("size", equalTo("1")));
    }

    @Test
    void theClocksFragmentIsWhatTheDashboardPolls() {
        given().get("/concerns/clocks").then().statusCode(200)
                .body(startsWith("<div id=\"clocks\""), containsString("SG-2026-000001"), not(containsString("<html")),
                        // a redraw keeps the keyboard's place: htmx puts focus back on the element with the same id
                        matchesPattern("(?s).*<a class=\"govuk-link\" id=\"clock-(ACKNOWLEDGEMENT|COUNCIL_DECISION)-[0-9a-f-]{36}\" href=\"/concerns/.*"),
                        containsString("<h2 class=\"govuk-heading-m\" id=\"clocks-heading\" tabindex=\"-1\">"));
    }

    @Test
    void filtersGoToTheServiceAndTheCategoryIsFilteredByThePortal() {
        given().queryParam("status", "RAISED").queryParam("risk", "HIGH").queryParam("page", "2").get("/concerns").then().statusCode(200);
        services.verify(getRequestedFor(urlPathEqualTo("/concerns")).withQueryParam("status", equalTo("RAISED"))
                .withQueryParam("risk", equalTo("HIGH")).withQueryParam("page", equalTo("2")).withQueryParam("size", equalTo("20")));
        given().queryParam("category", "SEXTING").get("/concerns").then().statusCode(200).body(containsString("No concerns match."));
        given().queryParam("category", "CYBERBULLYING").get("/concerns").then().statusCode(200)
                .body(containsString("1 concern, newest first"));
        // an unknown code is not sent on
        given().queryParam("status", "NONSENSE").get("/concerns").then().statusCode(200);
        services.verify(0, getRequestedFor(urlPathEqualTo("/concerns")).withQueryParam("status", equalTo("NONSENSE")));
    }

    @Test
    void withTheClocksUnavailableTheDashboardSaysSo() {
        services.stubFor(get(urlPathEqualTo("/concerns/overdue")).willReturn(aResponse().withStatus(503)));
        given().get("/concerns").then().statusCode(200).body(containsString("The clocks cannot be shown right now"));
    }

    @Test
    void theConcernShowsTheNarrativeEscapedTheTimelineWithItsCorrectionAndTheChainIntact() {
        given().get("/concerns/" + CONCERN).then().statusCode(200)
                .body(containsString("Sam was sent threats &lt;b&gt;tonight&lt;/b&gt;"),
                        containsString("Intact: 4 entries"),
                        containsString("id=\"entry-" + E3 + "\""),
                        containsString("Corrects <a class=\"govuk-link\" href=\"#entry-" + E2 + "\">entry 2</a>"),
                        containsString("Risk of serious harm"), containsString("the young person; Mum, by phone"),
                        containsString("Refer to a council"), containsString("action=\"/concerns/" + CONCERN + "/chronology\""),
                        containsString("href=\"/concerns/" + CONCERN + "/access-log\""));
    }

    @Test
    void theDslDownloadsTheCourtBundleAsTheServiceMadeIt() {
        byte[] pdf = "%PDF-1.7 bundle of SG-2026-000001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        services.stubFor(get(urlPathEqualTo("/concerns/" + CONCERN + "/bundle")).withHeader("Accept", equalTo("application/pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(pdf)));
        given().get("/concerns/" + CONCERN).then().statusCode(200)
                .body(containsString("href=\"/concerns/" + CONCERN + "/bundle.pdf\""));
        byte[] got = given().get("/concerns/" + CONCERN + "/bundle.pdf").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, got);
        services.verify(getRequestedFor(urlPathEqualTo("/concerns/" + CONCERN + "/bundle"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void aBrokenChainSaysWhichEntryFails() {
        services.stubFor(get(urlPathEqualTo("/concerns/" + CONCERN + "/chronology/verification")).willReturn(okJson("""
                {"intact":false,"entries":4,"firstBrokenEntryId":"%s","firstBrokenSeq":2,"reason":"hash does not match"}""".formatted(E2))));
        given().get("/concerns/" + CONCERN).then().statusCode(200)
                .body(containsString("Broken at entry 2 of 4: hash does not match"), not(containsString("Intact:")));
    }

    @Test
    void escalationSendsTheCouncilMethodAndReference() {
        services.stubFor(post(urlPathEqualTo("/concerns/" + CONCERN + "/escalation")).willReturn(okJson("{}")));
        Forms form = Forms.from("/concerns/" + CONCERN);
        form.post().formParam("council", "e09000024").formParam("method", "PHONE").formParam("reference", "MASH-1")
                .formParam("referralSummary", "Threats online").post("/concerns/" + CONCERN + "/escalation")
                .then().statusCode(303).header("Location", endsWith("/concerns/" + CONCERN + "?done=escalation"));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns/" + CONCERN + "/escalation")).withRequestBody(equalToJson("""
                {"council":"E09000024","method":"PHONE","reference":"MASH-1","referralSummary":"Threats online"}""")));
    }

    @Test
    void anEscalationWithoutALawfulBasisIsSaidInPlainEnglishAtTheCouncil() {
        services.stubFor(post(urlPathEqualTo("/concerns/" + CONCERN + "/escalation")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"escalation-needs-lawful-basis\",\"detail\":\"no basis\"}")));
        Forms form = Forms.from("/concerns/" + CONCERN);
        form.post().formParam("council", "E09000024").formParam("method", "EMAIL").post("/concerns/" + CONCERN + "/escalation")
                .then().statusCode(200)
                .body(containsString("<a href=\"#escalation-council\">Before sharing with a council, record the lawful basis"),
                        containsString("id=\"escalation-council-error\""), containsString("value=\"E09000024\""),
                        containsString("<details class=\"govuk-details\" id=\"escalate\" open>"));
    }

    @Test
    void aConfidentialityDecisionIsSentWithWhoWasInformedOnePerLine() {
        services.stubFor(post(urlPathEqualTo("/concerns/" + CONCERN + "/chronology")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        Forms form = Forms.from("/concerns/" + CONCERN);
        form.post().formParam("kind", "CONFIDENTIALITY_DECISION").formParam("text", "").formParam("corrects", "")
                .formParam("decision", "BREAK_CONFIDENTIALITY").formParam("justification", "Risk of serious harm")
                .formParam("decidedBy", "dsl-a").formParam("informed", "the young person\r\nMum, by phone\r\n")
                .post("/concerns/" + CONCERN + "/chronology").then().statusCode(303)
                .header("Location", endsWith("?done=entry"));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns/" + CONCERN + "/chronology")).withRequestBody(equalToJson("""
                {"kind":"CONFIDENTIALITY_DECISION","text":null,"corrects":null,"decision":"BREAK_CONFIDENTIALITY",
                 "justification":"Risk of serious harm","decidedBy":"dsl-a","informed":["the young person","Mum, by phone"]}""")));
    }

    @Test
    void aCorrectionPointsAtTheEntryAndARefusedEntryIsSaidAtItsField() {
        services.stubFor(post(urlPathEqualTo("/concerns/" + CONCERN + "/chronology")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"chronology-entry-has-text\",\"detail\":\"this entry needs text\"}")));
        Forms form = Forms.from("/concerns/" + CONCERN);
        form.post().formParam("kind", "NOTE").formParam("text", " ").formParam("corrects", E2)
                .post("/concerns/" + CONCERN + "/chronology").then().statusCode(200)
                .body(containsString("<a href=\"#entry-text\">Enter the text of the entry</a>"), containsString("id=\"entry-text-error\""),
                        containsString("value=\"" + E2 + "\" selected"));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns/" + CONCERN + "/chronology")).withRequestBody(equalToJson("""
                {"kind":"NOTE","text":null,"corrects":"%s"}""".formatted(E2))));
    }

    @Test
    void aFieldTheServiceRefusesIsSaidAtThatFieldOfItsForm() {
        services.stubFor(post(urlPathEqualTo("/concerns/" + CONCERN + "/closure")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"errors\":[{\"field\":\"reason\",\"message\":\"must not be blank\"}]}")));
        Forms form = Forms.from("/concerns/" + CONCERN);
        form.post().formParam("reason", "").post("/concerns/" + CONCERN + "/closure").then().statusCode(200)
                .body(containsString("<a href=\"#closure-reason\">Enter reason for closing</a>"));
    }

    @Test
    void reviewMonitoringAndClosureSendTheirText() {
        services.stubFor(post(urlMatching("/concerns/" + CONCERN + "/(review|monitoring|closure|acknowledgement)")).willReturn(okJson("{}")));
        Forms form = Forms.from("/concerns/" + CONCERN);
        form.post().formParam("text", "Looking into it").post("/concerns/" + CONCERN + "/review").then().statusCode(303);
        form.post().formParam("text", "Weekly check-ins").post("/concerns/" + CONCERN + "/monitoring").then().statusCode(303);
        form.post().formParam("reason", "Resolved with the family").post("/concerns/" + CONCERN + "/closure").then().statusCode(303);
        form.post().post("/concerns/" + CONCERN + "/acknowledgement").then().statusCode(303)
                .header("Location", endsWith("?done=acknowledgement"));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns/" + CONCERN + "/review")).withRequestBody(equalToJson("{\"text\":\"Looking into it\"}")));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns/" + CONCERN + "/monitoring")).withRequestBody(equalToJson("{\"text\":\"Weekly check-ins\"}")));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns/" + CONCERN + "/closure")).withRequestBody(equalToJson("{\"reason\":\"Resolved with the family\"}")));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns/" + CONCERN + "/acknowledgement")));
    }

    @Test
    void everyFormWithoutItsCsrfTokenOrWithAForgedOneSendsNothing() {
        Forms form = Forms.from("/concerns/" + CONCERN);
        for (String action : new String[] {"acknowledgement", "review", "monitoring", "escalation", "closure", "chronology"}) {
            SessionActionsTest.withoutCsrf().formParam("text", "x").post("/concerns/" + CONCERN + "/" + action).then().statusCode(403);
            given().redirects().follow(false).cookie("portal-csrf", form.cookie()).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", "forged").formParam("text", "x").post("/concerns/" + CONCERN + "/" + action)
                    .then().statusCode(403);
        }
        services.verify(0, postRequestedFor(urlMatching("/concerns/.*")));
    }

    @Test
    void theServicesAnswersAreThePortalsCannotSeeNotFoundAndDownPages() {
        services.stubFor(get(urlPathEqualTo("/concerns/" + LATE)).willReturn(aResponse().withStatus(404)));
        given().get("/concerns/" + LATE).then().statusCode(404).body(containsString("Page not found"));
        services.stubFor(get(urlPathEqualTo("/concerns/" + LATE)).willReturn(aResponse().withStatus(403)));
        given().get("/concerns/" + LATE).then().statusCode(403).body(containsString("You cannot see this page"));
        services.stubFor(get(urlPathEqualTo("/concerns/" + LATE)).willReturn(aResponse().withStatus(503)));
        given().get("/concerns/" + LATE).then().statusCode(503).body(containsString("is not answering right now"),
                not(containsString("Exception")));
    }

    @Test
    void theOverdueListAndTheAccessLog() {
        given().get("/concerns/overdue").then().statusCode(200)
                .body(containsString("Overdue safeguarding clocks"), containsString("SG-2026-000002"), containsString("overdue by 45 minutes"));
        services.stubFor(get(urlPathEqualTo("/concerns/" + CONCERN + "/access-log")).willReturn(okJson("""
                {"items":[{"accessedAt":"2026-12-02T10:00:00Z","accessedBy":"manager-a","role":"manager","view":"FULL"}],
                 "page":0,"size":50,"total":1}""")));
        given().get("/concerns/" + CONCERN + "/access-log").then().statusCode(200)
                .body(containsString("Who has read this concern"), containsString("manager-a"), containsString("Full"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
    void aManagerSeesTheRecordAndChronologyButNoneOfTheDslsForms() {
        given().get("/concerns/" + CONCERN).then().statusCode(200)
                .body(containsString("Intact: 4 entries"), not(containsString("Refer to a council")),
                        not(containsString("action=\"/concerns/" + CONCERN + "/chronology\"")), not(containsString("bundle.pdf")));
        given().get("/concerns/" + CONCERN + "/bundle.pdf").then().statusCode(403);
        given().get("/concerns/overdue").then().statusCode(200);
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("{\"items\":[],\"page\":0,\"size\":100,\"total\":0}")));
        Forms form = Forms.from("/concerns/new");
        form.post().post("/concerns/" + CONCERN + "/acknowledgement").then().statusCode(403);
        services.verify(0, postRequestedFor(urlMatching("/concerns/.*")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aYouthWorkerHasNoDashboardOverdueListAccessLogOrMoves() {
        given().get("/concerns").then().statusCode(200).body(containsString("Concerns you raised"), not(containsString("Overdue and due soon")));
        given().get("/concerns/clocks").then().statusCode(403);
        given().get("/concerns/overdue").then().statusCode(403);
        given().get("/concerns/" + CONCERN + "/access-log").then().statusCode(403);
        given().get("/concerns/" + CONCERN + "/bundle.pdf").then().statusCode(403);
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("{\"items\":[],\"page\":0,\"size\":100,\"total\":0}")));
        Forms form = Forms.from("/concerns/new");
        form.post().post("/concerns/" + CONCERN + "/acknowledgement").then().statusCode(403);
        form.post().formParam("council", "E09000024").formParam("method", "PHONE").post("/concerns/" + CONCERN + "/escalation").then().statusCode(403);
        services.verify(0, postRequestedFor(urlMatching("/concerns/.*")));
    }
}
