package org.safesessions.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's proof: a consent recorded in consent-service travels through the outbox and Kafka to
 * session-service's projection and to notification-service, which emails the guardian over real SMTP.
 */
class OneEventThroughTheSuiteIT {

    @Test
    void consentRecordedReachesSessionServiceAndTheGuardiansInbox() {
        String guardianEmail = "guardian-" + UUID.randomUUID() + "@example.org";
        var registered = Suite.as("coord-a").contentType(ContentType.JSON).body("""
                        {"preferredName":"Taylor","dateOfBirth":"2012-05-17","localAuthorityCode":"E09000024",
                         "guardians":[{"name":"Jamie Guardian","relationship":"father","email":"%s",
                                       "preferredChannel":"EMAIL"}]}""".formatted(guardianEmail))
                .post(Suite.CONSENT + "/young-people")
                .then().statusCode(201).extract().jsonPath();
        String youngPersonId = registered.getString("id");
        String guardianId = registered.getString("guardians[0].id");

        String consentId = Suite.as("coord-a").contentType(ContentType.JSON).body("""
                        {"scope":"GROUP_SESSIONS","platforms":["ZOOM"],"givenBy":"GUARDIAN","guardianId":"%s",
                         "evidenceReference":"FORM-SYS-1","evidenceMethod":"ONLINE_FORM",
                         "givenAt":"%s"}""".formatted(guardianId, Suite.yesterday()))
                .post(Suite.CONSENT + "/young-people/" + youngPersonId + "/consents")
                .then().statusCode(201).extract().path("id");

        String token = Suite.tokenOf("worker-a");
        Suite.await("session-service's projection shows the consent", Duration.ofSeconds(30), () -> {
            var response = io.restassured.RestAssured.given().auth().oauth2(token)
                    .get(Suite.SESSION + "/young-people/" + youngPersonId + "/consent-state");
            return response.statusCode() == 200 ? response : null;
        }).then().body("[0].consentId", equalTo(consentId)).body("[0].state", equalTo("ACTIVE"));

        List<Map<String, Object>> mail = Suite.await("the guardian's confirmation email arrives", Duration.ofSeconds(30),
                () -> {
                    var received = Suite.mailTo(guardianEmail);
                    return received.isEmpty() ? null : received;
                });
        assertEquals(1, mail.size());
        assertEquals("Consent recorded for Taylor", mail.get(0).get("subject"));
        String message = String.valueOf(mail.get(0).get("mimeMessage"));
        assertTrue(message.contains("Live is live"), "the online-safety reminders are in the email");
        assertFalse(message.contains("FORM-SYS-1"), "no evidence reference or other internal detail in the email");
    }
}
