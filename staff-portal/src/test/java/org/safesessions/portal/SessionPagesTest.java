package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
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

@QuarkusTest
@QuarkusTestResource(StandInServices.class)
class SessionPagesTest {

    static final String SESSION = "55555555-5555-5555-5555-555555555555";
    static final String YP = "22222222-2222-2222-2222-222222222222";

    WireMockServer services;

    @BeforeEach
    void reset() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION)).willReturn(okJson("""
                {"id":"%s","kind":"GROUP","title":"Art club","platform":"ZOOM","startsAt":"2026-12-03T16:00:00Z",
                 "endsAt":"2026-12-03T17:00:00Z","durationMinutes":60,"status":"SCHEDULED","facilitators":["worker-a","worker2-a"],
                 "singleFacilitatorFlag":false,"invitations":[{"youngPersonId":"%s","status":"INVITED","invitationReady":true}],
                 "provisioning":{"state":"READY","attempts":1},
                 "checklist":{"briefingGiven":false,"groundRulesAgreed":false,"groundRulesNeeded":true,"organisationDevices":false,"complete":false}}
                """.formatted(SESSION, YP))));
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP)).willReturn(okJson("""
                {"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04"}""".formatted(YP))));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aWorkerSeesTheChecklistAsATaskListAndCompletesIt() {
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(containsString("govuk-task-list"), containsString("Online-safety briefing given"),
                        containsString("Ground rules agreed"), containsString("Alex"), containsString("Ready"),
                        not(containsString("Cancel session")));
        services.stubFor(put(urlPathEqualTo("/sessions/" + SESSION + "/checklist")).willReturn(okJson("{}")));
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().formParam("done", "briefingGiven").formParam("done", "organisationDevices")
                .post("/sessions/" + SESSION + "/checklist").then().statusCode(303);
        services.verify(putRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/checklist"))
                .withRequestBody(equalToJson("{\"briefingGiven\":true,\"groundRulesAgreed\":false,\"organisationDevices\":true}")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aSessionCannotStartUntilTheChecklistIsCompleteAndThePageSaysWhy() {
        services.stubFor(post(urlPathEqualTo("/sessions/" + SESSION + "/start")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"checklist-complete-before-start\",\"detail\":\"incomplete\"}")));
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().post("/sessions/" + SESSION + "/start").then().statusCode(200)
                .body(containsString("<a href=\"#start\">Complete the pre-session checklist before starting the session</a>"),
                        containsString("id=\"start\""), containsString("<p id=\"start-error\" class=\"govuk-error-message\">"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void startIsNotOfferedUntilTheChecklistIsCompleteAndThePageSaysWhatIsLeft() {
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(not(containsString("action=\"/sessions/" + SESSION + "/start\"")), not(containsString(">Start session</button>")),
                        containsString("<p class=\"govuk-body\" id=\"start\">You can start the session when everything before it is done. "
                                + "Still to do: Online-safety briefing given; Ground rules agreed; Facilitators on organisation devices.</p>"));
        stubSession("GROUP", """
                {"briefingGiven":true,"groundRulesAgreed":false,"groundRulesNeeded":true,"organisationDevices":true,"complete":false}""", null);
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(not(containsString(">Start session</button>")), containsString("Still to do: Ground rules agreed.</p>"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void startIsOfferedOnceTheChecklistIsComplete() {
        stubSession("GROUP", """
                {"briefingGiven":true,"groundRulesAgreed":false,"groundRulesNeeded":false,"organisationDevices":true,"complete":true}""", null);
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/sessions/" + SESSION + "/start\" novalidate>"),
                        containsString("id=\"start\">Start session</button>"), not(containsString("Still to do")));
        services.stubFor(post(urlPathEqualTo("/sessions/" + SESSION + "/start")).willReturn(okJson("{}")));
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().post("/sessions/" + SESSION + "/start").then().statusCode(303)
                .header("Location", endsWith("/sessions/" + SESSION + "?done=started"));
        services.verify(postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/start")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aOneToOneStartsOnlyOnceAResponsibleAdultIsConfirmed() {
        String complete = """
                {"briefingGiven":true,"groundRulesAgreed":false,"groundRulesNeeded":false,"organisationDevices":true,"complete":true}""";
        stubSession("ONE_TO_ONE", complete, null);
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(not(containsString(">Start session</button>")), containsString("Still to do: A responsible adult at home confirmed.</p>"),
                        containsString("Confirm a responsible adult is at home"));
        stubSession("ONE_TO_ONE", complete, "2026-12-03T15:55:00Z");
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(containsString("id=\"start\">Start session</button>"), not(containsString("Still to do")));
    }

    void stubSession(String kind, String checklist, String responsibleAdultConfirmedAt) {
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION)).willReturn(okJson("""
                {"id":"%s","kind":"%s","title":"Art club","platform":"ZOOM","startsAt":"2026-12-03T16:00:00Z",
                 "endsAt":"2026-12-03T17:00:00Z","durationMinutes":60,"status":"SCHEDULED","facilitators":["worker-a","worker2-a"],
                 "singleFacilitatorFlag":false,"invitations":[{"youngPersonId":"%s","status":"INVITED","invitationReady":true}],
                 "provisioning":{"state":"READY","attempts":1},"responsibleAdultConfirmedAt":%s,
                 "checklist":%s}
                """.formatted(SESSION, kind, YP, responsibleAdultConfirmedAt == null ? "null" : "\"" + responsibleAdultConfirmedAt + "\"",
                checklist))));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aWorkerCannotBookSessions() {
        given().get("/sessions/new").then().statusCode(403).body(containsString("You cannot see this page"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aSessionTheServiceRefusesIsForbidden() {
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        given().get("/sessions/" + SESSION).then().statusCode(403).body(containsString("You cannot see this page"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void bookingShowsWhoCannotBeInvitedAndTheServicesRule() {
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("""
                {"items":[{"id":"%s","preferredName":"Alex"}],"page":0,"size":50,"total":1}""".formatted(YP))));
        services.stubFor(get(urlPathEqualTo("/consent-checks")).willReturn(okJson(
                "{\"allowed\":false,\"reasons\":[\"NO_CONSENT\",\"AGREEMENT_MISSING\"]}")));
        given().get("/sessions/new").then().statusCode(200)
                .body(containsString("Cannot be invited"), containsString("There is no consent for this"),
                        containsString("The online safety agreement has not been recorded"));
        services.stubFor(post(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"group-session-needs-two-facilitators\"}")));
        Forms form = Forms.from("/sessions/new");
        form.post().formParam("action", "book").formParam("title", "Art club").formParam("startsAt-day", "3")
                .formParam("startsAt-month", "12").formParam("startsAt-year", "2026").formParam("startsAt-time", "4pm")
                .formParam("durationMinutes", "60").formParam("platform", "ZOOM").formParam("facilitators", "coord-a")
                .post("/sessions/new").then().statusCode(200)
                .body(containsString("<a href=\"#facilitators\">A group session needs at least 2 facilitators</a>"));
        services.verify(postRequestedFor(urlPathEqualTo("/sessions"))
                .withRequestBody(matchingJsonPath("$.startsAt", equalTo("2026-12-03T16:00Z")))
                .withRequestBody(matchingJsonPath("$.facilitators[0]", equalTo("coord-a"))));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void raisingAConcernFromASessionSendsTheSessionAndTheDateOfBirth() {
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("""
                {"items":[{"id":"%s","preferredName":"Alex"}],"page":0,"size":100,"total":1}""".formatted(YP))));
        services.stubFor(post(urlPathEqualTo("/concerns")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"66666666-6666-6666-6666-666666666666\"}")));
        given().get("/concerns/new?sessionId=" + SESSION).then().statusCode(200).body(containsString("Art club"));
        Forms form = Forms.from("/concerns/new?sessionId=" + SESSION);
        form.post().formParam("sessionId", SESSION).formParam("subjectType", "YOUNG_PERSON").formParam("youngPersonId", YP)
                .formParam("categories", "CYBERBULLYING").formParam("risk", "HIGH").formParam("narrative", "Said in chat")
                .post("/concerns/new").then().statusCode(303).header("Location", containsString("/concerns/66666666"));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns"))
                .withRequestBody(matchingJsonPath("$.youngPersonDateOfBirth", equalTo("2012-03-04")))
                .withRequestBody(matchingJsonPath("$.sessionId", equalTo(SESSION)))
                .withRequestBody(matchingJsonPath("$.categories[0]", equalTo("CYBERBULLYING"))));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void theFacilitatorSeesAStrangerInTheWaitingRoomAgainstTheInvitationList() {
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION + "/participants")).willReturn(okJson("""
                {"sessionId":"%s","waitingRoom":[
                  {"participantRef":"p1","displayName":"<i>Big</i> Dave","unknown":true,"waitingSince":"2026-12-03T15:58:00Z"},
                  {"participantRef":"p2","displayName":"Alex R","youngPersonId":"%s","unknown":false,
                   "waitingSince":"2026-12-03T15:57:00Z","admittedAt":"2026-12-03T16:00:00Z"}],
                 "meeting":[{"participantRef":"p2","youngPersonId":"%s","unknown":false,"joinedAt":"2026-12-03T16:00:00Z"}],
                 "invitees":[{"youngPersonId":"%s","state":"IN"}]}""".formatted(SESSION, YP, YP, YP))));
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(containsString("Who is waiting and who is in"),
                        containsString("1 person who was not invited is waiting or in the meeting"),
                        containsString("&lt;i&gt;Big&lt;/i&gt; Dave"), not(containsString("<i>Big</i>")),
                        containsString("Not invited"), containsString("In the meeting"),
                        containsString("hx-get=\"/sessions/" + SESSION + "/participants\""));
        given().get("/sessions/" + SESSION + "/participants").then().statusCode(200)
                .body(containsString("id=\"participants\""), containsString("Admitted"), not(containsString("<html")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void withTheLiveViewUnavailableTheSessionPageSaysSoAndStillRenders() {
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION + "/participants")).willReturn(aResponse().withStatus(503)));
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(containsString("Who is in the meeting cannot be shown right now"), containsString("Art club"));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void theFeedIsRelayedAsServerSentEvents() {
        services.stubFor(get(urlPathEqualTo("/me/notifications/stream")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data:{\"id\":\"n1\",\"title\":\"Urgent: new concern\",\"urgent\":true}\n\n")));
        given().accept("text/event-stream").get("/notifications/stream").then().statusCode(200)
                .contentType(containsString("text/event-stream"))
                .body(containsString("Urgent: new concern"), not(containsString("Bearer")));
        services.verify(getRequestedFor(urlPathEqualTo("/me/notifications/stream")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void theRelayPassesOnEachEventsIdTheBrowsersLastEventIdAndTheKeepAlives() {
        services.stubFor(get(urlPathEqualTo("/me/notifications/stream")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(": keep-alive\n\nid:42\ndata:{\"id\":\"n42\",\"title\":\"Missed while away\"}\n\n")));
        given().accept("text/event-stream").header("Last-Event-ID", "41").get("/notifications/stream").then()
                .statusCode(200)
                .body(containsString(":keep-alive"), containsString("id:42"), containsString("Missed while away"));
        services.verify(getRequestedFor(urlPathEqualTo("/me/notifications/stream")).withHeader("Last-Event-ID", equalTo("41")));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void aLastEventIdTheServiceRefusesStartsTheFeedFromNowInsteadOfFailingForever() {
        services.stubFor(get(urlPathEqualTo("/me/notifications/stream")).withHeader("Last-Event-ID", equalTo("not-a-number"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":400}")));
        services.stubFor(get(urlPathEqualTo("/me/notifications/stream")).withHeader("Last-Event-ID", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody("id:7\ndata:{\"id\":\"n7\",\"title\":\"Live again\"}\n\n")));
        given().accept("text/event-stream").header("Last-Event-ID", "not-a-number").get("/notifications/stream").then()
                .statusCode(200).body(containsString("Live again"));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void aMessagesLinesArePlainParagraphsInTheFeed() {
        services.stubFor(get(urlPathEqualTo("/me/notifications")).willReturn(okJson("""
                {"items":[{"id":"n1","title":"New high-risk concern","body":"Reference SG-1\\n\\nOpen it in the portal.\\r\\n<b>Not bold</b>",
                  "urgent":true,"createdAt":"2026-12-01T10:00:00Z"},
                 {"id":"n2","title":"No body","urgent":false,"createdAt":"2026-12-01T09:00:00Z"}],
                 "page":0,"size":30,"total":2}""")));
        given().get("/notifications").then().statusCode(200)
                .body(containsString("<p class=\"govuk-body govuk-!-margin-bottom-1\">Reference SG-1</p>"
                                + "<p class=\"govuk-body govuk-!-margin-bottom-1\">Open it in the portal.</p>"
                                + "<p class=\"govuk-body govuk-!-margin-bottom-1\">&lt;b&gt;Not bold&lt;/b&gt;</p>"),
                        not(containsString("<b>Not bold</b>")), not(containsString("<p class=\"govuk-body govuk-!-margin-bottom-1\"></p>")),
                        containsString("No body"));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void theFeedListsNotificationsAndMarksThemRead() {
        services.stubFor(get(urlPathEqualTo("/me/notifications")).willReturn(okJson("""
                {"items":[{"id":"n1","title":"New high-risk concern","body":"Reference SG-1","urgent":true,"createdAt":"2026-12-01T10:00:00Z"}],
                 "page":0,"size":30,"total":1}""")));
        services.stubFor(put(urlPathEqualTo("/me/notifications/n1/read")).willReturn(okJson("{}")));
        given().get("/notifications").then().log().ifValidationFails().statusCode(200)
                .body(containsString("New high-risk concern"), containsString("data-live-feed=\"/notifications/stream\""),
                        not(containsString("href=\"/sessions\"")));
        Forms form = Forms.from("/notifications");
        form.post().post("/notifications/n1/read").then().statusCode(303);
        services.verify(putRequestedFor(urlPathEqualTo("/me/notifications/n1/read")));
    }
}
