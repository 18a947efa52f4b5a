package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * Subject access requests as consent-service tracks them, for DSLs and managers: the overdue ones first and
 * highlighted, recording one (what consent-service gets, its 400s and rules at their fields), a request's page with
 * its next step, the export passed on as a download; CSRF on every form; other roles refused; the service down.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
class SubjectAccessPagesTest {

    static final String YP = "22222222-2222-2222-2222-222222222222";
    static final String LATE = "88888888-8888-8888-8888-000000000001";
    static final String FRESH = "88888888-8888-8888-8888-000000000002";

    WireMockServer services;

    static String request(String id, String status, String receivedOn, String dueOn, boolean overdue, String exportProducedAt) {
        return """
                {"id":"%s","youngPersonId":"%s","requesterName":"Pat <Parent>","relationship":"mother","receivedOn":"%s","dueOn":"%s",
                 "status":"%s","overdue":%s,"recordedAt":"2026-10-01T09:00:00Z","recordedBy":"dsl-a","statusChangedAt":"2026-10-02T09:00:00Z",
                 "statusChangedBy":"manager-a","exportProducedAt":%s,"exportProducedBy":%s}""".formatted(id, YP, receivedOn, dueOn, status,
                overdue, exportProducedAt == null ? "null" : "\"" + exportProducedAt + "\"", exportProducedAt == null ? "null" : "\"dsl-a\"");
    }

    static void problem400(WireMockServer services, String field, String message) {
        services.stubFor(post(urlPathEqualTo("/subject-access-requests")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"title":"Bad request","errors":[{"field":"%s","message":"%s"}]}""".formatted(field, message))));
    }

    @BeforeEach
    void stubs() {
        services.resetAll();
        String late = request(LATE, "IDENTITY_CHECKED", "2026-09-01", "2026-10-01", true, null);
        String fresh = request(FRESH, "RECEIVED", "2026-12-01", "2027-01-01", false, null);
        services.stubFor(get(urlPathEqualTo("/subject-access-requests/overdue")).willReturn(okJson("""
                {"items":[%s],"page":0,"size":200,"total":1}""".formatted(late))));
        services.stubFor(get(urlPathEqualTo("/subject-access-requests")).willReturn(okJson("""
                {"items":[%s,%s],"page":0,"size":50,"total":2}""".formatted(fresh, late))));
        services.stubFor(get(urlPathEqualTo("/subject-access-requests/" + LATE)).willReturn(okJson(late)));
        services.stubFor(get(urlPathEqualTo("/subject-access-requests/" + FRESH)).willReturn(okJson(fresh)));
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP)).willReturn(okJson("""
                {"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04"}""".formatted(YP))));
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("""
                {"items":[{"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04"}],"page":0,"size":20,"total":1}""".formatted(YP))));
        services.stubFor(post(urlPathEqualTo("/subject-access-requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fresh)));
    }

    @Test
    void overdueRequestsComeFirstAndAreHighlighted() {
        String page = given().get("/subject-access-requests").then().statusCode(200)
                .body(containsString("1 request past the day they were due"), containsString("2 requests, most recently received first"),
                        containsString("Pat &lt;Parent&gt; (mother)"), not(containsString("Pat <Parent>")),
                        containsString("<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>"),
                        containsString("href=\"/subject-access-requests/new\""), containsString("href=\"/subject-access-requests\" aria-current=\"page\""))
                .extract().asString();
        int overdue = page.indexOf("id=\"overdue-requests\"");
        int all = page.indexOf("id=\"requests\"");
        org.junit.jupiter.api.Assertions.assertTrue(overdue > 0 && overdue < all, "the overdue table comes first");
        // the overdue one is highlighted in both tables, the fresh one not
        org.junit.jupiter.api.Assertions.assertEquals(2, page.split("portal-row--overdue", -1).length - 1);
        services.verify(getRequestedFor(urlPathEqualTo("/subject-access-requests/overdue")).withQueryParam("size", equalTo("200"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void recordingARequestStartsWithChoosingTheYoungPerson() {
        given().get("/subject-access-requests/new").then().statusCode(200)
                .body(containsString("Which young person is the request about?"), not(containsString("name=\"requesterName\"")));
        given().queryParam("name", "Alex").get("/subject-access-requests/new").then().statusCode(200)
                .body(containsString("href=\"/subject-access-requests/new?youngPersonId=" + YP + "\""), containsString("4 March 2012"));
        given().queryParam("youngPersonId", YP).get("/subject-access-requests/new").then().statusCode(200)
                .body(containsString("name=\"requesterName\""), containsString("name=\"receivedOn-day\""),
                        containsString("name=\"youngPersonId\" value=\"" + YP + "\""), containsString("name=\"csrf-token\""));
        services.verify(getRequestedFor(urlPathEqualTo("/young-people")).withQueryParam("name", equalTo("Alex")));
    }

    @Test
    void recordingARequestSendsWhatWasTypedAndShowsIt() {
        Forms form = Forms.from("/subject-access-requests/new?youngPersonId=" + YP);
        form.post().formParam("youngPersonId", YP).formParam("requesterName", " Pat Parent ").formParam("relationship", "mother")
                .formParam("receivedOn-day", "1").formParam("receivedOn-month", "12").formParam("receivedOn-year", "2026")
                .post("/subject-access-requests/new").then().statusCode(303)
                .header("Location", endsWith("/subject-access-requests/" + FRESH + "?done=recorded"));
        services.verify(postRequestedFor(urlPathEqualTo("/subject-access-requests")).withRequestBody(equalToJson("""
                {"youngPersonId":"%s","requesterName":"Pat Parent","relationship":"mother","receivedOn":"2026-12-01"}""".formatted(YP))));
        given().queryParam("done", "recorded").get("/subject-access-requests/" + FRESH).then().statusCode(200)
                .body(containsString("Subject access request recorded"), containsString("1 January 2027"),
                        containsString("The requester's identity has been checked"), not(containsString("Produce and download")));
    }

    @Test
    void theServicesFieldErrorsAreInlineAndInTheSummary() {
        problem400(services, "requesterName", "must not be blank");
        Forms form = Forms.from("/subject-access-requests/new?youngPersonId=" + YP);
        form.post().formParam("youngPersonId", YP).formParam("requesterName", "").formParam("relationship", "mother")
                .formParam("receivedOn-day", "1").formParam("receivedOn-month", "12").formParam("receivedOn-year", "2026")
                .post("/subject-access-requests/new").then().statusCode(200)
                .body(containsString("<a href=\"#requesterName\">Enter name of the person asking</a>"),
                        containsString("id=\"requesterName-error\""), containsString("value=\"mother\""));
        problem400(services, "receivedOn", "must not be null");
        form.post().formParam("youngPersonId", YP).formParam("requesterName", "Pat").formParam("relationship", "mother")
                .formParam("receivedOn-day", "1").formParam("receivedOn-month", "12").formParam("receivedOn-year", "2026")
                .post("/subject-access-requests/new").then().statusCode(200)
                .body(containsString("<a href=\"#receivedOn-day\">Enter or choose date received</a>"));
    }

    @Test
    void aRuleIsSaidInPlainEnglishAtTheDate() {
        services.stubFor(post(urlPathEqualTo("/subject-access-requests")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"request-received-on-or-before-today\",\"detail\":\"receivedOn cannot be in the future\"}")));
        Forms form = Forms.from("/subject-access-requests/new?youngPersonId=" + YP);
        form.post().formParam("youngPersonId", YP).formParam("requesterName", "Pat").formParam("relationship", "mother")
                .formParam("receivedOn-day", "1").formParam("receivedOn-month", "12").formParam("receivedOn-year", "2099")
                .post("/subject-access-requests/new").then().statusCode(200)
                .body(containsString("<a href=\"#receivedOn-day\">The date the request was received must be today or in the past</a>"),
                        containsString("id=\"receivedOn-day-error\""));
    }

    @Test
    void aDateThatIsNotADateIsSaidAndNothingIsSent() {
        Forms form = Forms.from("/subject-access-requests/new?youngPersonId=" + YP);
        form.post().formParam("youngPersonId", YP).formParam("requesterName", "Pat").formParam("relationship", "mother")
                .formParam("receivedOn-day", "31").formParam("receivedOn-month", "2").formParam("receivedOn-year", "2026")
                .post("/subject-access-requests/new").then().statusCode(200)
                .body(containsString("Date received must be a real date"), containsString("value=\"31\""));
        services.verify(0, postRequestedFor(urlPathEqualTo("/subject-access-requests")));
    }

    @Test
    void aRequestsPageOffersItsNextStepAndTheExport() {
        given().get("/subject-access-requests/" + LATE).then().statusCode(200)
                .body(containsString("Overdue: the answer was due on 1 October 2026."), containsString("Identity checked"),
                        containsString("action=\"/subject-access-requests/" + LATE + "/export\""),
                        containsString("Produce and download the export"), containsString("Not produced yet"),
                        not(containsString("name=\"status\"")), // from IDENTITY_CHECKED the next step is the export
                        containsString("href=\"/young-people/" + YP + "\""));
        services.stubFor(get(urlPathEqualTo("/subject-access-requests/" + LATE)).willReturn(okJson(
                request(LATE, "EXPORT_PRODUCED", "2026-09-01", "2026-10-01", true, "2026-12-02T10:00:00Z"))));
        given().get("/subject-access-requests/" + LATE).then().statusCode(200)
                .body(containsString("Produced Wednesday 2 December 2026 at 10:00am by dsl-a"),
                        containsString("Produce and download the export again"),
                        containsString("name=\"status\" value=\"SENT\""), containsString("The answer has been sent"));
    }

    @Test
    void aStatusChangeIsSentAndARefusedStepSaidInPlainEnglish() {
        services.stubFor(post(urlPathEqualTo("/subject-access-requests/" + FRESH + "/status")).willReturn(okJson(
                request(FRESH, "IDENTITY_CHECKED", "2026-12-01", "2027-01-01", false, null))));
        Forms form = Forms.from("/subject-access-requests/" + FRESH);
        form.post().formParam("status", "IDENTITY_CHECKED").post("/subject-access-requests/" + FRESH + "/status").then().statusCode(303)
                .header("Location", endsWith("/subject-access-requests/" + FRESH + "?done=moved"));
        services.verify(postRequestedFor(urlPathEqualTo("/subject-access-requests/" + FRESH + "/status"))
                .withRequestBody(equalToJson("{\"status\":\"IDENTITY_CHECKED\"}")));
        services.stubFor(post(urlPathEqualTo("/subject-access-requests/" + FRESH + "/status")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"subject-access-request-skips-no-step\",\"detail\":\"x\"}")));
        form.post().formParam("status", "IDENTITY_CHECKED").post("/subject-access-requests/" + FRESH + "/status").then().statusCode(200)
                .body(containsString("<a href=\"#next-step\">Take the request&#39;s steps in order: this one comes later</a>"));
    }

    @Test
    void theExportIsConsentServicesDocumentAsADownload() {
        services.stubFor(post(urlPathEqualTo("/subject-access-requests/" + LATE + "/export")).willReturn(okJson("""
                {"subjectAccessRequestId":"%s","youngPerson":{"id":"%s","preferredName":"Alex"},"accessLog":[{"action":"EXPORT"}]}"""
                .formatted(LATE, YP))));
        Forms form = Forms.from("/subject-access-requests/" + LATE);
        form.post().post("/subject-access-requests/" + LATE + "/export").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Disposition", containsString("attachment; filename=\"subject-access-export-" + LATE + ".json\""))
                .body("subjectAccessRequestId", org.hamcrest.Matchers.equalTo(LATE)).body("youngPerson.preferredName", org.hamcrest.Matchers.equalTo("Alex"));
        services.verify(postRequestedFor(urlPathEqualTo("/subject-access-requests/" + LATE + "/export"))
                .withHeader("Authorization", matching("Bearer .+")));
        services.stubFor(post(urlPathEqualTo("/subject-access-requests/" + LATE + "/export")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"identity-checked-before-export\",\"detail\":\"x\"}")));
        form.post().post("/subject-access-requests/" + LATE + "/export").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("Check the requester&#39;s identity before producing the export"));
    }

    @Test
    void everyFormWithoutItsCsrfTokenOrWithAForgedOneSendsNothing() {
        Forms form = Forms.from("/subject-access-requests/" + FRESH);
        for (String path : new String[] {"/subject-access-requests/new", "/subject-access-requests/" + FRESH + "/status",
                "/subject-access-requests/" + FRESH + "/export"}) {
            SessionActionsTest.withoutCsrf().formParam("youngPersonId", YP).formParam("status", "IDENTITY_CHECKED").post(path)
                    .then().statusCode(403).body(containsString("This form has expired"));
            given().redirects().follow(false).cookie("portal-csrf", form.cookie()).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", "forged").formParam("status", "IDENTITY_CHECKED").post(path).then().statusCode(403);
        }
        services.verify(0, postRequestedFor(urlMatching("/subject-access-requests.*")));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
    void aManagerTracksRequestsToo() {
        given().get("/subject-access-requests").then().statusCode(200).body(containsString("Subject access requests"));
        given().get("/subject-access-requests/" + LATE).then().statusCode(200);
        given().get("/").then().body(containsString("href=\"/subject-access-requests\""));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aCoordinatorIsRefusedAndHasNoMenuItem() {
        given().get("/subject-access-requests").then().statusCode(403).body(containsString("You cannot see this page"));
        given().get("/subject-access-requests/new").then().statusCode(403);
        given().get("/subject-access-requests/" + LATE).then().statusCode(403);
        given().get("/").then().body(not(containsString("href=\"/subject-access-requests\"")));
        services.verify(0, getRequestedFor(urlMatching("/subject-access-requests.*")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aYouthWorkerIsRefused() {
        given().get("/subject-access-requests").then().statusCode(403);
        given().get("/subject-access-requests/" + LATE).then().statusCode(403);
        services.verify(0, getRequestedFor(urlMatching("/subject-access-requests.*")));
    }

    @Test
    void anotherOrganisationsRequestIsNotFoundAndTheServiceDownIsSaid() {
        services.stubFor(get(urlPathEqualTo("/subject-access-requests/" + FRESH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/subject-access-requests/" + FRESH).then().statusCode(404).body(containsString("Page not found"));
        services.stubFor(get(urlPathEqualTo("/subject-access-requests/overdue")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/subject-access-requests").then().statusCode(503).body(containsString("young people and consents"));
    }
}
