package org.safesessions.session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentExpiredV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.events.consent.Platform;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KafkaProbe;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.testkit.Eventually.await;

/** A consent withdrawn or expired (from consent events) takes the young person off every future session, once. */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ConsentWithdrawalTest extends SessionTestStack {

    static String removalReason(String sessionId, UUID youngPersonId) {
        return given().get("/sessions/" + sessionId).then().statusCode(200).extract()
                .path("invitations.find { it.youngPersonId == '" + youngPersonId + "' }.removalReason");
    }

    @Test
    void withdrawnConsentRemovesYoungPersonFromFutureSessions() {
        Fixtures.approve("org-a", Platform.TEAMS);
        UUID youngPersonId = UUID.randomUUID();
        UUID consentId = Fixtures.consent("org-a", youngPersonId, ConsentScope.GROUP_SESSIONS,
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(1), Platform.TEAMS);
        UUID stays = Fixtures.consentedYoungPerson("org-a", ConsentScope.GROUP_SESSIONS, Platform.TEAMS);
        String first = Fixtures.bookGroup(Platform.TEAMS, List.of(youngPersonId, stays));
        String second = Fixtures.bookGroup(Platform.TEAMS, List.of(youngPersonId));

        String withdrawal = Events.envelope("/consent-service", consentId, new ConsentWithdrawnV1(consentId, youngPersonId,
                "org-a", ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(ZoneOffset.UTC)));
        KafkaProbe.send("consent-events", consentId.toString(), withdrawal);
        await("the young person is off both sessions", () -> "CONSENT_WITHDRAWN".equals(removalReason(first, youngPersonId))
                && "CONSENT_WITHDRAWN".equals(removalReason(second, youngPersonId)));
        given().get("/sessions/" + first).then()
                .body("invitations.find { it.youngPersonId == '" + stays + "' }.status", equalTo("INVITED"));

        // redelivered: nothing more happens
        KafkaProbe.send("consent-events", consentId.toString(), withdrawal);
        String marker = Events.envelope("/consent-service", consentId, new ConsentExpiredV1(UUID.randomUUID(),
                UUID.randomUUID(), "org-a", ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(ZoneOffset.UTC)));
        KafkaProbe.send("consent-events", consentId.toString(), marker);
        await("the marker after the redelivery is consumed",
                () -> ConsentProjectionTest.processed(EventJson.readEnvelope(marker).id()));
        assertEquals(1, Fixtures.events(EventType.PARTICIPANT_REMOVED.type(), first));
        assertEquals(1, Fixtures.events(EventType.PARTICIPANT_REMOVED.type(), second));
        String removed = Fixtures.eventBodies(EventType.PARTICIPANT_REMOVED.type(), first).get(0);
        assertTrue(removed.contains("\"reason\":\"CONSENT_WITHDRAWN\""), removed);
    }

    @Test
    void expiredConsentRemovesYoungPersonFromFutureSessions() {
        Fixtures.approve("org-a", Platform.TEAMS);
        UUID youngPersonId = UUID.randomUUID();
        UUID consentId = Fixtures.consent("org-a", youngPersonId, ConsentScope.GROUP_SESSIONS,
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(1), Platform.TEAMS);
        String session = Fixtures.bookGroup(Platform.TEAMS, List.of(youngPersonId));
        KafkaProbe.send("consent-events", consentId.toString(), Events.envelope("/consent-service", consentId,
                new ConsentExpiredV1(consentId, youngPersonId, "org-a", ConsentScope.GROUP_SESSIONS,
                        OffsetDateTime.now(ZoneOffset.UTC))));
        await("the young person is off the session", () -> "CONSENT_EXPIRED".equals(removalReason(session, youngPersonId)));
    }

    @Test
    void withdrawalOfOneConsentKeepsSessionsAnotherConsentStillCovers() {
        Fixtures.approve("org-a", Platform.TEAMS);
        UUID youngPersonId = UUID.randomUUID();
        UUID withdrawn = Fixtures.consent("org-a", youngPersonId, ConsentScope.GROUP_SESSIONS,
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(1), Platform.TEAMS);
        Fixtures.consent("org-a", youngPersonId, ConsentScope.GROUP_SESSIONS,
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(1), Platform.TEAMS, Platform.ZOOM);
        String session = Fixtures.bookGroup(Platform.TEAMS, List.of(youngPersonId));
        String withdrawal = Events.envelope("/consent-service", withdrawn, new ConsentWithdrawnV1(withdrawn, youngPersonId,
                "org-a", ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(ZoneOffset.UTC)));
        KafkaProbe.send("consent-events", withdrawn.toString(), withdrawal);
        await("the withdrawal is applied", () -> ConsentProjectionTest.processed(EventJson.readEnvelope(withdrawal).id()));
        given().get("/sessions/" + session).then()
                .body("invitations[0].status", equalTo("INVITED"));
    }
}
