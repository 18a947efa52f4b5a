package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.Platform;
import org.safesessions.session.domain.ZoomHost;
import org.safesessions.session.domain.ZoomHostDay;
import org.safesessions.session.domain.ZoomHostDrift;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.session.Fixtures.consentedGroup;
import static org.safesessions.testkit.Eventually.await;

/**
 * Zoom hosts (SPEC §4): each organisation's pool of licensed host users, edited by managers; a session gets a host
 * free for its whole time with 15 minutes before and after and under Zoom's 100 meetings a host a day; overlapping
 * sessions never share one; a clashing reschedule moves the meeting to a free host or is refused; none free: 422
 * {@code zoom-host-available}. Meetings are created for that host. A host enters the pool only once its safety
 * settings hold (422 {@code zoom-host-safety-settings-must-hold}). In org-b, whose pool each test sets and clears.
 */
@QuarkusTest
@TestSecurity(user = "coord-b", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
class ZoomHostsTest extends SessionTestStack {

    private final String first = "host1-" + UUID.randomUUID().toString().substring(0, 8) + "@charity-b.example";
    private final String second = "host2-" + UUID.randomUUID().toString().substring(0, 8) + "@charity-b.example";

    @BeforeEach
    void twoHosts() {
        Fixtures.approve("org-b", Platform.ZOOM);
        QuarkusTransaction.requiringNew().run(() ->
                ZoomHost.replacePool("org-b", List.of(first, second), "manager-b", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @AfterEach
    void defaultPoolAgain() {
        QuarkusTransaction.requiringNew().run(() ->
                ZoomHost.replacePool("org-b", List.of(), "manager-b", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static String book(OffsetDateTime startsAt, int minutes) {
        return Fixtures.book(Fixtures.groupSession(startsAt, minutes, Platform.ZOOM, List.of("worker-b", "worker2-b"),
                consentedGroup("org-b", 1, Platform.ZOOM))).statusCode(201).extract().path("id");
    }

    private static String hostOnZoom(String sessionId) {
        await("Zoom provisioning is done", () -> "READY".equals(ZoomProvisioningTest.provisioning(sessionId)));
        @SuppressWarnings("unchecked")
        Map<String, Object> host = (Map<String, Object>) ZoomSim.meetingsOf(sessionId).get(0).get("host");
        return String.valueOf(host.get("email"));
    }

    @Test
    void overlappingSessionsNeverShareAZoomHost() {
        OffsetDateTime ten = Fixtures.workingDayAt(40, 10);
        String a = book(ten, 60);
        String b = book(ten.plusMinutes(30), 60);
        assertNotEquals(hostOnZoom(a), hostOnZoom(b), "overlapping sessions have a host each");
        assertTrue(List.of(first, second).containsAll(List.of(hostOnZoom(a), hostOnZoom(b))), "hosts of the pool");

        Fixtures.book(Fixtures.groupSession(ten.plusMinutes(15), 30, Platform.ZOOM, List.of("worker-b", "worker2-b"),
                        consentedGroup("org-b", 1, Platform.ZOOM)))
                .statusCode(422).contentType("application/problem+json").body("rule", equalTo("zoom-host-available"));
        // 11:10 is within the 15 minutes after the 10:00 session and during the 10:30 one: no host is free
        Fixtures.book(Fixtures.groupSession(ten.plusMinutes(70), 30, Platform.ZOOM, List.of("worker-b", "worker2-b"),
                consentedGroup("org-b", 1, Platform.ZOOM))).statusCode(422).body("rule", equalTo("zoom-host-available"));
        // clear of the margin the first host is free again
        String later = book(ten.plusMinutes(80), 30);
        assertEquals(hostOnZoom(a), hostOnZoom(later));
    }

    @Test
    void meetingsAreCreatedForTheSessionsHostNotMe() {
        String id = book(Fixtures.workingDayAt(41, 10), 60);
        String host = hostOnZoom(id);
        given().baseUri(ZoomSimulatorResource.baseUrl()).queryParam("method", "POST")
                .queryParam("path", "/v2/users/" + host.replace(".", "\\.") + "/meetings").get("/_sim/requests")
                .then().body("status", hasItem(201));
        assertTrue(ZoomSim.settings().getMap("'" + host + "'.in_meeting") != null, "the host's own settings enforced");
    }

    @Test
    void rescheduleThatClashesMovesTheMeetingToAFreeHostOrIsRefused() {
        OffsetDateTime ten = Fixtures.workingDayAt(42, 10);
        String a = book(ten, 60);
        String b = book(ten.plusHours(4), 60);
        String hostOfA = hostOnZoom(a);
        assertEquals(hostOfA, hostOnZoom(b), "apart, both take the first host");

        given().contentType(ContentType.JSON).body("{\"startsAt\":\"" + ten.plusMinutes(30) + "\"}")
                .patch("/sessions/" + b).then().statusCode(200);
        await("the meeting moved to the free host", () -> {
            String now = hostOnZoom(b);
            return !now.equals(hostOfA);
        });
        assertEquals(1, ZoomSim.meetingsOf(b).size(), "moved, not made again");

        String c = book(ten.plusHours(4), 60);
        given().contentType(ContentType.JSON).body("{\"startsAt\":\"" + ten + "\"}")
                .patch("/sessions/" + c).then().statusCode(422).body("rule", equalTo("zoom-host-available"));
        String startsAt = given().get("/sessions/" + c).then().extract().path("startsAt");
        assertEquals(ten.plusHours(4).toInstant(), OffsetDateTime.parse(startsAt).toInstant(), "refused: unchanged");
    }

    @Test
    void hostAtZoomsDailyLimitIsNotGiven() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 100; i++) {
                ZoomHostDay.count(first, OffsetDateTime.now(ZoneOffset.UTC).toLocalDate());
            }
        });
        assertEquals(second, hostOnZoom(book(Fixtures.workingDayAt(43, 10), 60)));
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void managersEditTheZoomHostPool() {
        given().contentType(ContentType.JSON).body("{\"hosts\":[\"zoom-host-x@charity-b.example\",\"Xq3Zz9AbCdEfGh12\"]}")
                .put("/policy/zoom-hosts").then().statusCode(200).contentType("application/json")
                .body("hosts", equalTo(List.of("zoom-host-x@charity-b.example", "Xq3Zz9AbCdEfGh12")))
                .body("defaults", equalTo(false));
        given().get("/policy/zoom-hosts").then().statusCode(200)
                .body("hosts", equalTo(List.of("zoom-host-x@charity-b.example", "Xq3Zz9AbCdEfGh12")));
        given().accept("text/html").get("/policy/zoom-hosts").then().statusCode(406);
    }

    private static io.restassured.response.ValidatableResponse putPool(String... hosts) {
        String body = java.util.Arrays.stream(hosts).map(h -> "\"" + h + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{\"hosts\":[", "]}"));
        return given().contentType(ContentType.JSON).body(body).put("/policy/zoom-hosts").then();
    }

    private static void lockAtZoom(String host, String settings) {
        given().baseUri(ZoomSimulatorResource.baseUrl()).contentType(ContentType.JSON).body(settings)
                .put("/_sim/settings/" + host + "/locked").then().statusCode(204);
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void zoomHostSafetySettingsMustHoldForAHostToEnterThePool() {
        String locked = "host3-" + UUID.randomUUID().toString().substring(0, 8) + "@charity-b.example";
        lockAtZoom(locked, "{\"in_meeting\":{\"private_chat\":true}}");
        String detail = putPool(first, second, locked).statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("zoom-host-safety-settings-must-hold")).extract().path("detail");
        assertTrue(detail.contains("hosts[2]") && detail.contains("in_meeting.private_chat"), detail);
        assertFalse(detail.contains(locked) || detail.contains("charity-b.example"), "never the value sent: " + detail);
        given().get("/policy/zoom-hosts").then().statusCode(200).body("hosts", equalTo(List.of(first, second)));

        // a new host whose settings can be made safe has them enforced at once, before any meeting of its own
        String fresh = "host4-" + UUID.randomUUID().toString().substring(0, 8) + "@charity-b.example";
        putPool(first, fresh).statusCode(200).body("hosts", equalTo(List.of(first, fresh)));
        Map<String, Object> inMeeting = ZoomSim.settings().getMap("'" + fresh + "'.in_meeting");
        assertEquals(false, inMeeting.get("private_chat"));
        assertEquals(List.of(), ZoomSim.contractViolations(), "every request met Zoom's contract");
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void aHostSetAsideForDriftIsCheckedAgainWhenNamedAgain() {
        QuarkusTransaction.requiringNew().run(() -> {
            ZoomHostDrift.found("org-b", first, List.of("in_meeting.private_chat"), UUID.randomUUID(),
                    OffsetDateTime.now(ZoneOffset.UTC));
            ZoomHostDrift.found("org-b", second, List.of("in_meeting.annotation"), UUID.randomUUID(),
                    OffsetDateTime.now(ZoneOffset.UTC));
        });
        lockAtZoom(first, "{\"in_meeting\":{\"annotation\":true}}");
        putPool(first, second).statusCode(422).body("rule", equalTo("zoom-host-safety-settings-must-hold"))
                .body("detail", org.hamcrest.Matchers.containsString("hosts[0]"));
        given().get("/policy/zoom-hosts").then().body("drifted.host", org.hamcrest.Matchers.hasItems(first, second));
        putPool(second).statusCode(200).body("hosts", equalTo(List.of(second)))
                .body("drifted.host", hasItem(first)) // still set aside
                .body("drifted.host", org.hamcrest.Matchers.not(hasItem(second))); // holds its settings again: trusted
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void zoomFailingWhileANewHostIsCheckedIs503AndRefusingIs422AndThePoolIsUnchanged() {
        String fresh = "host5-" + UUID.randomUUID().toString().substring(0, 8) + "@charity-b.example";
        try {
            ZoomSim.fault("{\"method\":\"PATCH\",\"path\":\"/v2/users/[^/]+/settings\",\"status\":500,\"times\":1}");
            putPool(first, fresh).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
            // Zoom refusing outright (403 here: a 404 or 400 in the simulator's log reads as a broken contract to
            // the other Zoom tests) cannot be made safe
            ZoomSim.fault("{\"method\":\"PATCH\",\"path\":\"/v2/users/[^/]+/settings\",\"status\":403,\"times\":1}");
            putPool(first, fresh).statusCode(422).body("rule", equalTo("zoom-host-safety-settings-must-hold"))
                    .body("detail", org.hamcrest.Matchers.containsString("hosts[1]"));
        } finally {
            ZoomSim.clearFaults();
        }
        given().get("/policy/zoom-hosts").then().statusCode(200).body("hosts", equalTo(List.of(first, second)));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void anotherOrganisationsZoomHostsAreNotSeen() {
        given().get("/policy/zoom-hosts").then().statusCode(200).body("defaults", equalTo(true));
        List<String> hosts = given().get("/policy/zoom-hosts").then().extract().path("hosts");
        assertFalse(hosts.contains(first), "org-b's pool is org-b's");
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void poolsSavedAtOnceReplaceOneAnotherInTurnNeverA5xx() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "{\"hosts\":[\"same-host@charity-b.example\",\"host-" + i + "@charity-b.example\"]}";
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body(body)
                        .put("/policy/zoom-hosts").statusCode()));
            }
            for (var answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        given().get("/policy/zoom-hosts").then().statusCode(200)
                .body("hosts.size()", equalTo(2)).body("hosts[0]", equalTo("same-host@charity-b.example"));
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void badZoomHostsAre400NamingTheField() {
        given().contentType(ContentType.JSON).body("{}").put("/policy/zoom-hosts").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("hosts"));
        given().contentType(ContentType.JSON).body("{\"hosts\":[\"not a host!\"]}").put("/policy/zoom-hosts")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.startsWith("hosts"));
        given().contentType(ContentType.JSON).body("{\"hosts\":[\"a@x.example\",\"A@X.example\"]}").put("/policy/zoom-hosts")
                .then().statusCode(400).body("errors[0].field", equalTo("eachHostOnce"));
        given().contentType(ContentType.JSON).body("{not json").put("/policy/zoom-hosts").then().statusCode(400);
    }

    @Test
    @TestSecurity
    void zoomHostsWithoutTokenIs401() {
        given().get("/policy/zoom-hosts").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"hosts\":[]}").put("/policy/zoom-hosts").then().statusCode(401);
    }

    @Test
    void coordinatorReadsButMayNotEditZoomHosts() {
        given().get("/policy/zoom-hosts").then().statusCode(200).body("hosts", equalTo(List.of(first, second)));
        given().contentType(ContentType.JSON).body("{\"hosts\":[]}").put("/policy/zoom-hosts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-b", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void youthWorkerMayNotSeeZoomHosts() {
        given().get("/policy/zoom-hosts").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"hosts\":[]}").put("/policy/zoom-hosts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dsl-b", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void safeguardingLeadMayNotSeeZoomHosts() {
        given().get("/policy/zoom-hosts").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"hosts\":[]}").put("/policy/zoom-hosts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    void partnerCouncilMayNotSeeZoomHosts() {
        given().get("/policy/zoom-hosts").then().statusCode(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyInMeetingSafetySettingIsEnforcedOnTheHostAndReadBack() {
        String host = hostOnZoom(book(Fixtures.workingDayAt(44, 10), 60));
        Map<String, Object> all = ZoomSim.settings().getMap("'" + host + "'");
        Map<String, Object> inMeeting = (Map<String, Object>) all.get("in_meeting");
        assertEquals(true, inMeeting.get("screen_sharing"));
        assertEquals("host", inMeeting.get("who_can_share_screen"));
        assertEquals("host", inMeeting.get("who_can_share_screen_when_someone_is_sharing"));
        assertEquals(false, inMeeting.get("file_transfer"));
        assertEquals(false, inMeeting.get("private_chat"));
        assertEquals(2, inMeeting.get("allow_participants_chat_with"), "chat with host and co-hosts only");
        assertEquals(1, inMeeting.get("allow_users_save_chats"), "chats cannot be saved");
        assertEquals(false, inMeeting.get("auto_saving_chat"));
        assertEquals(false, inMeeting.get("annotation"));
        assertEquals(false, inMeeting.get("whiteboard"));
        assertEquals(false, inMeeting.get("remote_control"));
        assertEquals(true, inMeeting.get("waiting_room"));
        Map<String, Object> schedule = (Map<String, Object>) all.get("schedule_meeting");
        assertEquals(false, schedule.get("join_before_host"));
        assertEquals(false, schedule.get("embed_password_in_join_link"));
        Map<String, Object> security = (Map<String, Object>) all.get("meeting_security");
        assertEquals(true, security.get("waiting_room"));
        assertEquals(false, security.get("embed_password_in_join_link"));
        Map<String, Object> waitingRoom = (Map<String, Object>) security.get("waiting_room_settings");
        assertEquals(0, waitingRoom.get("participants_to_place_in_waiting_room"), "everyone waits");
        assertEquals(0, waitingRoom.get("users_who_can_admit_participants_from_waiting_room"), "host and co-hosts admit");
        assertEquals(List.of(), ZoomSim.contractViolations(), "every request met Zoom's contract");
    }

    @Test
    void aHostWhoseSettingsDriftedIsNotUsedAndManagersAreTold() {
        given().baseUri(ZoomSimulatorResource.baseUrl()).contentType(ContentType.JSON)
                .body("{\"in_meeting\":{\"private_chat\":true}}").put("/_sim/settings/" + first + "/locked")
                .then().statusCode(204);
        String id = book(Fixtures.workingDayAt(45, 10), 60);
        assertEquals(second, hostOnZoom(id), "the drifted host is passed over");
        given().get("/sessions/" + id).then().body("provisioning.attempts", equalTo(0));
        List<String> events = Fixtures.eventBodies(org.safesessions.events.EventType.ZOOM_HOST_SETTINGS_DRIFTED.type(), id);
        assertEquals(1, events.size());
        assertTrue(events.get(0).contains("in_meeting.private_chat"), "names the setting: " + events.get(0));
        assertFalse(events.get(0).contains(first) || events.get(0).contains("charity-b.example"), "no host address on Kafka");
        given().get("/policy/zoom-hosts").then().statusCode(200)
                .body("drifted[0].host", equalTo(first))
                .body("drifted[0].settings", equalTo(List.of("in_meeting.private_chat")));
        // set aside though free: a session at another time is not given it either
        assertEquals(second, hostOnZoom(book(Fixtures.workingDayAt(45, 14), 60)));
    }
}
