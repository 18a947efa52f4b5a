package org.safesessions.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.consent.application.OrganisationPolicies.UpdateSettings;
import org.safesessions.consent.application.ConsentWithdrawals;
import org.safesessions.consent.application.ExpiryWatch;
import org.safesessions.consent.application.OrganisationPolicies;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.outbox.OutboxMessage;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expiry and reminders, driven by moving the service's clock (no sleeping for real time). */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ConsentExpiryTest extends ConsentTestStack {

    @Inject
    MovableClock clock;

    @Inject
    ExpiryWatch expiry;

    @Inject
    OrganisationPolicies policies;

    @Inject
    ConsentWithdrawals withdrawals;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static long published(UUID consentId, EventType<?> type) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.count("aggregateId = ?1 and eventType = ?2", consentId.toString(), type.type()));
    }

    private static UUID consentExpiringIn(YoungPerson yp, Duration in) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return TestData.consent(yp, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), now.minusDays(1), now.plus(in));
    }

    @Test
    void guardiansAreRemindedOnceBeforeExpiryAndTheConsentExpiresOnceOnSchedule() {
        YoungPerson yp = TestData.youngPerson("org-a", "Expiry Ezra");
        UUID consentId = consentExpiringIn(yp, Duration.ofDays(20));

        expiry.runOnce();
        assertEquals(0, published(consentId, EventType.CONSENT_EXPIRING), "not yet within the 14-day lead");

        clock.advance(Duration.ofDays(7));
        expiry.runOnce();
        expiry.runOnce();
        assertEquals(1, published(consentId, EventType.CONSENT_EXPIRING), "one reminder, however many passes");
        assertEquals(0, published(consentId, EventType.CONSENT_EXPIRED));

        clock.advance(Duration.ofDays(14));
        expiry.runOnce();
        expiry.runOnce();
        assertEquals(1, published(consentId, EventType.CONSENT_EXPIRED), "expired exactly once");
        assertEquals(1, published(consentId, EventType.CONSENT_EXPIRING));

        OutboxMessage expired = QuarkusTransaction.requiringNew().call(() -> (OutboxMessage) OutboxMessage.find(
                "aggregateId = ?1 and eventType = ?2", consentId.toString(), EventType.CONSENT_EXPIRED.type()).singleResult());
        var payload = EventJson.readEnvelope(expired.envelope).payload(EventType.CONSENT_EXPIRED);
        assertEquals(yp.id, payload.youngPersonId());
        assertEquals(ConsentScope.GROUP_SESSIONS, payload.scope());

        given().get("/young-people/" + yp.id + "/consents").then().statusCode(200).body("[0].status", equalTo("EXPIRED"));
        given().get("/young-people/" + yp.id + "/consent-history").then().statusCode(200)
                .body("fact", contains("GRANTED", "EXPIRED"));
    }

    @Test
    void withdrawnConsentIsNeitherRemindedNorExpired() {
        YoungPerson yp = TestData.youngPerson("org-a", "Withdrawn Before Expiry");
        UUID consentId = consentExpiringIn(yp, Duration.ofDays(10));
        withdrawals.withdraw("org-a", consentId, "No longer attending", "coord-a");
        clock.advance(Duration.ofDays(11));
        expiry.runOnce();
        assertEquals(0, published(consentId, EventType.CONSENT_EXPIRING));
        assertEquals(0, published(consentId, EventType.CONSENT_EXPIRED));
    }

    @Test
    void reminderLeadDaysComeFromTheOrganisationsPolicy() {
        policies.update("org-long-lead", new UpdateSettings(true, Period.ofMonths(12), 30, Period.ofYears(3), false),
                "manager-l");
        YoungPerson early = TestData.youngPerson("org-long-lead", "Thirty Days Ahead");
        UUID consentId = consentExpiringIn(early, Duration.ofDays(20));
        expiry.runOnce();
        assertEquals(1, published(consentId, EventType.CONSENT_EXPIRING), "within the organisation's 30-day lead");
    }

    @Test
    void twoReplicasPassingAtOnceStillNoticeEachConsentExactlyOnce() {
        YoungPerson yp = TestData.youngPerson("org-a", "Two Replicas");
        UUID first = consentExpiringIn(yp, Duration.ofDays(2));
        UUID second = consentExpiringIn(yp, Duration.ofDays(3));
        clock.advance(Duration.ofDays(1));
        CompletableFuture.allOf(CompletableFuture.runAsync(expiry::runOnce), CompletableFuture.runAsync(expiry::runOnce),
                CompletableFuture.runAsync(expiry::runOnce)).join();
        assertEquals(1, published(first, EventType.CONSENT_EXPIRING));
        assertEquals(1, published(second, EventType.CONSENT_EXPIRING));
        clock.advance(Duration.ofDays(3));
        CompletableFuture.allOf(CompletableFuture.runAsync(expiry::runOnce), CompletableFuture.runAsync(expiry::runOnce),
                CompletableFuture.runAsync(expiry::runOnce)).join();
        assertEquals(1, published(first, EventType.CONSENT_EXPIRED));
        assertEquals(1, published(second, EventType.CONSENT_EXPIRED));
    }

    @Test
    void noReminderIsSentOnceTheExpiryHasPassed() {
        YoungPerson yp = TestData.youngPerson("org-a", "Late Pass");
        UUID consentId = consentExpiringIn(yp, Duration.ofDays(1));
        clock.advance(Duration.ofDays(2)); // the service was away for the whole lead time
        expiry.runOnce();
        assertEquals(0, published(consentId, EventType.CONSENT_EXPIRING));
        assertEquals(1, published(consentId, EventType.CONSENT_EXPIRED));
    }
}
