package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group session on the real stack: consents recorded in consent-service reach session-service's projection; a
 * coordinator books a Zoom session with two workers; the Zoom simulator then holds one meeting with the safe
 * settings and one registrant per invitee; a signed webhook of an unknown participant produces
 * UnknownParticipantJoined on {@code session-events}.
 */
class SessionJourneyIT {

    static final String ZOOM = System.getProperty("suite.zoom", "http://127.0.0.1:8090");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A young person with a guardian and a GROUP_SESSIONS consent covering Zoom; returns their id. */
    static String consentedYoungPerson(String token) {
        var registered = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                        {"preferredName":"Robin","dateOfBirth":"2011-09-10","localAuthorityCode":"E09000024",
                         "guardians":[{"name":"Alex Guardian","relationship":"mother","email":"%s",
                                       "preferredChannel":"EMAIL"}]}""".formatted("g-" + UUID.randomUUID() + "@example.org"))
                .post(Suite.CONSENT + "/young-people").then().statusCode(201).extract().jsonPath();
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                        {"scope":"GROUP_SESSIONS","platforms":["ZOOM"],"givenBy":"GUARDIAN","guardianId":"%s",
                         "evidenceReference":"FORM-SESS-1","evidenceMethod":"PAPER_FORM","givenAt":"%s"}"""
                        .formatted(registered.getString("guardians[0].id"), Suite.yesterday()))
                .post(Suite.CONSENT + "/young-people/" + registered.getString("id") + "/consents").then().statusCode(201);
        return registered.getString("id");
    }

    /** 10:00 London time on a working day at least two days ahead. */
    static String nextWorkingMorning() {
        LocalDate day = LocalDate.now(LONDON).plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(10, 0)).atZone(LONDON).toOffsetDateTime().toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void groupSessionIsProvisionedSafelyAndAnUnknownParticipantRaisesTheAlarm() throws Exception {
        String manager = Suite.tokenOf("manager-a");
        LocalDate today = LocalDate.now(LONDON);
        RestAssured.given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body("{\"assessedBy\":\"Online safety lead\",\"assessedOn\":\"" + today.minusDays(7)
                        + "\",\"reviewDue\":\"" + today.plusYears(1) + "\"}")
                .put(Suite.SESSION + "/policy/platforms/ZOOM").then().statusCode(200);

        String coordinator = Suite.tokenOf("coord-a");
        List<String> invitees = List.of(consentedYoungPerson(coordinator), consentedYoungPerson(coordinator));
        for (String youngPerson : invitees) {
            Suite.await("session-service's projection has the consent", Duration.ofSeconds(30), () ->
                    RestAssured.given().auth().oauth2(coordinator)
                            .get(Suite.SESSION + "/young-people/" + youngPerson + "/consent-state").statusCode() == 200
                            ? true : null);
        }

        String sessionId = RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                        {"title":"Wednesday art club","startsAt":"%s","durationMinutes":60,"platform":"ZOOM",
                         "facilitators":["worker-a","worker2-a"],"invitees":["%s","%s"]}"""
                        .formatted(nextWorkingMorning(), invitees.get(0), invitees.get(1)))
                .post(Suite.SESSION + "/sessions").then().statusCode(201).extract().path("id");
        Suite.await("the Zoom meeting is provisioned", Duration.ofSeconds(30), () -> "READY".equals(
                RestAssured.given().auth().oauth2(coordinator).get(Suite.SESSION + "/sessions/" + sessionId)
                        .then().extract().path("provisioning.state")) ? true : null);

        List<Map<String, Object>> meetings = RestAssured.given().get(ZOOM + "/_sim/meetings").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<Map<String, Object>> ours = meetings.stream()
                .filter(m -> String.valueOf(m.get("agenda")).contains(sessionId)).toList();
        assertEquals(1, ours.size(), "one meeting for the session");
        Map<String, Object> meeting = ours.get(0);
        Map<String, Object> settings = (Map<String, Object>) meeting.get("settings");
        assertEquals(true, settings.get("waiting_room"));
        assertEquals(false, settings.get("join_before_host"));
        assertEquals("none", settings.get("auto_recording"));
        assertEquals(true, settings.get("mute_upon_entry"));
        assertEquals(0, settings.get("approval_type"));
        assertTrue(String.valueOf(meeting.get("password")).length() <= 10, "a passcode of at most 10 characters");
        List<Map<String, Object>> registrants = ((List<Map<String, Object>>) meeting.get("registrants")).stream()
                .filter(r -> !"cancelled".equals(String.valueOf(r.get("status")))).toList();
        assertEquals(2, registrants.size(), "one registrant per invitee");
        // the meeting belongs to one of the organisation's Zoom hosts; that host's safety settings were enforced
        String hostUser = String.valueOf(((Map<String, Object>) meeting.get("host")).get("id"));
        Map<String, Object> everyHost = RestAssured.given().get(ZOOM + "/_sim/settings").then().extract().jsonPath()
                .getMap("$");
        Map<String, Object> host = (Map<String, Object>) ((Map<String, Object>) everyHost.get(hostUser)).get("in_meeting");
        assertEquals("host", host.get("who_can_share_screen"));
        assertEquals(false, host.get("file_transfer"));

        int delivered = RestAssured.given().contentType(ContentType.JSON)
                .body("{\"event\":\"meeting.participant_joined\",\"meetingId\":" + meeting.get("id")
                        + ",\"participant\":{\"user_name\":\"Uninvited\",\"email\":\"nobody@example.org\"}}")
                .post(ZOOM + "/_sim/webhooks").then().statusCode(200).extract().jsonPath().getInt("status");
        assertEquals(200, delivered, "session-service accepted the signed webhook");

        String event = Suite.await("UnknownParticipantJoined is on session-events", Duration.ofSeconds(40),
                () -> sessionEvents().stream()
                        .filter(e -> e.contains("safesessions.session.unknown-participant-joined.v1")
                                && e.contains(sessionId)).findFirst().orElse(null));
        assertTrue(event.contains("worker-a") && !event.contains("nobody@example.org") && !event.contains("Uninvited"),
                "facilitators named; the participant's name and email stay off Kafka");
    }

    /** The records on session-events, read with the suite's own Kafka tools (the broker is 127.0.0.1:9092). */
    static List<String> sessionEvents() {
        Path libs = Path.of(System.getProperty("suite.kafka-libs", "../.suite/kafka/libs")).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Process consumer = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", libs + "/*",
                    "org.apache.kafka.tools.consumer.ConsoleConsumer",
                    "--bootstrap-server", System.getProperty("suite.kafka", "127.0.0.1:9092"), "--topic", "session-events",
                    "--from-beginning", "--timeout-ms", "8000").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new ArrayList<>(new String(consumer.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList());
            consumer.waitFor(20, TimeUnit.SECONDS);
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("could not read session-events", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
