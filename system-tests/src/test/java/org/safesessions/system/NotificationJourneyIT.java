package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * notification-service on the real stack: a session booked by a coordinator reaches each guardian as one invitation
 * email with their own join link (read from session-service with the service's token); an IMMEDIATE_DANGER concern
 * reaches each DSL of the organisation (as Keycloak knows them) within seconds, with a reference and a link and no
 * narrative; an allegation never reaches its subject.
 */
class NotificationJourneyIT {

    private static final Pattern JOIN_LINK = Pattern.compile("personal join link: (\\S+)");

    /** A young person with a guardian (unique address) and a consent for Zoom group sessions: {id, guardian email}. */
    private static String[] consentedYoungPerson(String token) {
        String email = "inv-" + UUID.randomUUID() + "@example.org";
        var registered = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                        {"preferredName":"Jordan","dateOfBirth":"%s","localAuthorityCode":"E09000024",
                         "guardians":[{"name":"Sam Guardian","relationship":"father","email":"%s",
                                       "preferredChannel":"EMAIL"}]}""".formatted(LocalDate.now().minusYears(11), email))
                .post(Suite.CONSENT + "/young-people").then().statusCode(201).extract().jsonPath();
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                        {"scope":"GROUP_SESSIONS","platforms":["ZOOM"],"givenBy":"GUARDIAN","guardianId":"%s",
                         "evidenceReference":"FORM-NOTIF-1","evidenceMethod":"PAPER_FORM","givenAt":"%s"}"""
                        .formatted(registered.getString("guardians[0].id"), Suite.yesterday()))
                .post(Suite.CONSENT + "/young-people/" + registered.getString("id") + "/consents").then().statusCode(201);
        return new String[]{registered.getString("id"), email};
    }

    private static List<Map<String, Object>> invitationsTo(String address) {
        return Suite.mailTo(address).stream().filter(m -> String.valueOf(m.get("subject")).startsWith("Invitation:")).toList();
    }

    @Test
    void bookedSessionSendsEachGuardianOneInvitationWithTheirOwnJoinLink() {
        String manager = Suite.tokenOf("manager-a");
        LocalDate today = LocalDate.now(SessionJourneyIT.LONDON);
        RestAssured.given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body("{\"assessedBy\":\"Online safety lead\",\"assessedOn\":\"" + today.minusDays(7)
                        + "\",\"reviewDue\":\"" + today.plusYears(1) + "\"}")
                .put(Suite.SESSION + "/policy/platforms/ZOOM").then().statusCode(200);

        String coordinator = Suite.tokenOf("coord-a");
        String[] first = consentedYoungPerson(coordinator);
        String[] second = consentedYoungPerson(coordinator);
        for (String youngPerson : List.of(first[0], second[0])) {
            Suite.await("session-service's projection has the consent", Duration.ofSeconds(30), () ->
                    RestAssured.given().auth().oauth2(coordinator)
                            .get(Suite.SESSION + "/young-people/" + youngPerson + "/consent-state").statusCode() == 200
                            ? true : null);
        }
        RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                        {"title":"Thursday music club","startsAt":"%s","durationMinutes":60,"platform":"ZOOM",
                         "facilitators":["worker-a","worker2-a"],"invitees":["%s","%s"]}"""
                        .formatted(SessionJourneyIT.nextWorkingMorning(), first[0], second[0]))
                .post(Suite.SESSION + "/sessions").then().statusCode(201);

        String firstLink = null;
        for (String email : List.of(first[1], second[1])) {
            var invitation = Suite.await("the guardian's invitation arrives", Duration.ofSeconds(60), () -> {
                var received = invitationsTo(email);
                return received.isEmpty() ? null : received;
            });
            String message = String.valueOf(invitation.get(0).get("mimeMessage"));
            assertTrue(String.valueOf(invitation.get(0).get("subject")).startsWith("Invitation: Thursday music club on "));
            assertTrue(message.contains("Jordan is invited to Thursday music club on Zoom"), message);
            assertTrue(message.contains("Passcode: "), message);
            assertTrue(message.contains("Live is live"), message);
            Matcher link = JOIN_LINK.matcher(message);
            assertTrue(link.find(), "a personal join link: " + message);
            if (firstLink == null) {
                firstLink = link.group(1);
            } else {
                assertNotEquals(firstLink, link.group(1), "each young person has their own link");
            }
        }
        try {
            Thread.sleep(3_000); // a redelivery or a second dispatch pass would show up by now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(1, invitationsTo(first[1]).size(), "exactly one invitation");
        assertEquals(1, invitationsTo(second[1]).size(), "exactly one invitation");
    }

    /** The messages GreenMail holds for {@code address} that are about this concern (the mailbox outlives a run). */
    private static List<Map<String, Object>> alertsAbout(String address, String concernId) {
        return Suite.mailTo(address).stream()
                .filter(m -> String.valueOf(m.get("mimeMessage")).contains("/concerns/" + concernId)).toList();
    }

    /**
     * The DSL is found in Keycloak (the realm's dsl-a, with the email the realm gives them), not in a list kept by
     * notification-service: behaviour changed on purpose, the journey no longer registers staff addresses first.
     */
    @Test
    void immediateDangerConcernAlertsEachDslWithinSecondsWithoutTheNarrative() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dslEmail = "dsl-a@org-a.example";
        String narrative = "Notification journey " + run + ": the young person said an adult is waiting outside";
        long raised = System.nanoTime();
        String concern = Suite.as("worker-a").contentType(ContentType.JSON).body("""
                        {"subjectType":"YOUNG_PERSON","youngPersonId":"%s","youngPersonDateOfBirth":"%s",
                         "categories":["STRANGER_CONTACT"],"risk":"IMMEDIATE_DANGER","narrative":"%s"}"""
                        .formatted(UUID.randomUUID(), LocalDate.now().minusYears(12), narrative))
                .post(Suite.SAFEGUARDING + "/concerns").then().statusCode(201).extract().path("id");

        var alert = Suite.await("the DSL's alert arrives", Duration.ofSeconds(20), () -> {
            var received = alertsAbout(dslEmail, concern);
            return received.isEmpty() ? null : received;
        });
        double seconds = (System.nanoTime() - raised) / 1e9;
        assertTrue(seconds < 15, "alert within seconds, took " + seconds);
        assertEquals(1, alert.size());
        String subject = String.valueOf(alert.get(0).get("subject"));
        String message = String.valueOf(alert.get(0).get("mimeMessage"));
        assertTrue(subject.startsWith("URGENT safeguarding concern "), subject);
        assertTrue(message.contains("/concerns/" + concern), "a portal link: " + message);
        assertFalse(message.contains(run + ": the young person"), "no narrative in the alert");
        assertFalse(message.contains("adult is waiting outside"), "no narrative in the alert");
    }

    /**
     * SPEC §5 on the real stack (real Keycloak): an IMMEDIATE_DANGER allegation against dsl-a, typed DSL-A, is never
     * told to dsl-a (no email, nothing in their feed) and dsl-a cannot read it; org-a has no other DSL, so its
     * manager is alerted within seconds and may read it.
     */
    @Test
    void allegationAgainstTheOnlyDslAlertsTheManagerAndNeverTheDsl() throws InterruptedException {
        String concern = Suite.as("worker-a").contentType(ContentType.JSON).body("""
                        {"subjectType":"STAFF_MEMBER","staffUserName":"DSL-A","categories":["EMOTIONAL_ABUSE"],
                         "risk":"IMMEDIATE_DANGER","narrative":"Notification journey: an allegation about a lead"}""")
                .post(Suite.SAFEGUARDING + "/concerns").then().statusCode(201).extract().path("id");

        var alert = Suite.await("the manager's alert arrives", Duration.ofSeconds(20), () -> {
            var received = alertsAbout("manager-a@org-a.example", concern);
            return received.isEmpty() ? null : received;
        });
        assertEquals(1, alert.size());
        Thread.sleep(3_000); // anything addressed to dsl-a would have arrived with the manager's by now
        assertEquals(List.of(), alertsAbout("dsl-a@org-a.example", concern), "no email to the subject");
        String feed = Suite.as("dsl-a").get(Suite.NOTIFICATION + "/me/notifications?size=200").then().statusCode(200)
                .extract().asString();
        assertFalse(feed.contains(concern), "nothing in the subject's feed");
        Suite.as("dsl-a").get(Suite.SAFEGUARDING + "/concerns/" + concern).then().statusCode(404);
        Suite.as("manager-a").get(Suite.SAFEGUARDING + "/concerns/" + concern).then().statusCode(200);
    }
}
