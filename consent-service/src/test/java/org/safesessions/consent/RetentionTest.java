package org.safesessions.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.consent.application.OrganisationPolicies.UpdateSettings;
import org.safesessions.consent.application.ConsentWithdrawals;
import org.safesessions.consent.application.OrganisationPolicies;
import org.safesessions.consent.application.Retention;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.outbox.OutboxMessage;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Retention, driven by moving the service's clock past an organisation's retention period. */
@QuarkusTest
@TestSecurity(user = "dsl-r", roles = "safeguarding-lead")
@OidcSecurity(claims = @Claim(key = "org", value = RetentionTest.ORG))
class RetentionTest extends ConsentTestStack {

    static final String ORG = "org-retention";

    @Inject
    MovableClock clock;

    @Inject
    Retention retention;

    @Inject
    OrganisationPolicies policies;

    @Inject
    ConsentWithdrawals withdrawals;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void recordsInactivePastTheRetentionPeriodAreAnonymisedAndTheirHistoryStaysConsistent() {
        policies.update(ORG, new UpdateSettings(true, Period.ofMonths(12), 14, Period.ofMonths(6), false), "manager-r");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        YoungPerson leaving = TestData.youngPerson(ORG, "Leaving Logan");
        UUID consentId = TestData.consent(leaving, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM),
                now.minusDays(1), now.plusDays(30));
        withdrawals.withdraw(ORG, consentId, "Moving to Leeds with Aunt Jo", "coord-r");
        YoungPerson staying = TestData.youngPerson(ORG, "Staying Sam");
        TestData.consent(staying, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), now.minusDays(1), now.plusYears(2));
        long eventsBefore = eventsOf(leaving.id, consentId);

        clock.advance(Duration.ofDays(150));
        retention.runOnce();
        given().get("/young-people/" + leaving.id).then().statusCode(200)
                .body("preferredName", equalTo("Leaving Logan")).body("anonymisedAt", nullValue());

        clock.advance(Duration.ofDays(60)); // > 6 months since the consent ended and the record last changed
        retention.runOnce();
        given().get("/young-people/" + leaving.id).then().statusCode(200)
                .body("id", equalTo(leaving.id.toString()))
                .body("preferredName", equalTo("anonymised"))
                .body("dateOfBirth", equalTo(leaving.dateOfBirth.withDayOfYear(1).toString()))
                .body("email", nullValue())
                .body("guardians[0].name", equalTo("anonymised"))
                .body("guardians[0].email", nullValue())
                .body("localAuthorityCode", equalTo("E09000024"))
                .body("anonymisedAt", notNullValue());
        // the same consent, under the same id, with its history; the free text gone
        given().get("/young-people/" + leaving.id + "/consents").then().statusCode(200)
                .body("[0].id", equalTo(consentId.toString()))
                .body("[0].status", equalTo("WITHDRAWN"))
                .body("[0].evidenceReference", equalTo("anonymised"))
                .body("[0].withdrawal.reason", equalTo("anonymised"));
        given().get("/young-people/" + leaving.id + "/export").then().statusCode(200)
                .body("accessLog.detail", hasItem(startsWith("ANONYMISED: ")))
                .body("accessLog.actor.userName", hasItem("consent-service"))
                .body(not(containsString("Logan"))).body(not(containsString("Leeds")))
                .body(not(containsString("kim@example.org")));
        assertEquals(eventsBefore, eventsOf(leaving.id, consentId), "published events stay as they were");

        given().get("/young-people/" + staying.id).then().statusCode(200)
                .body("preferredName", equalTo("Staying Sam")).body("anonymisedAt", nullValue());

        retention.runOnce(); // a later pass leaves it as it is
        given().contentType(ContentType.JSON).body("{\"email\":\"back@example.org\",\"guardians\":[]}")
                .put("/young-people/" + leaving.id + "/contact-details").then().statusCode(422)
                .body("rule", equalTo("anonymised-records-stay-anonymised"));
    }

    private static long eventsOf(UUID youngPersonId, UUID consentId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("aggregateId in (?1, ?2)",
                youngPersonId.toString(), consentId.toString()));
    }
}
