package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.consent.application.OrganisationPolicies.UpdateSettings;
import org.safesessions.consent.application.OrganisationPolicies;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ConsentCheckTest extends ConsentTestStack {

    /** An organisation whose policy needs the online safety agreement before group sessions. */
    private static final String AGREEMENT_ORG = "org-agreement";

    @Inject
    OrganisationPolicies policies;

    private static io.restassured.response.ValidatableResponse check(String youngPersonId, String scope,
                                                                     String platform, OffsetDateTime at) {
        var request = given().queryParam("youngPersonId", youngPersonId).queryParam("scope", scope)
                .queryParam("platform", platform);
        if (at != null) {
            request.queryParam("at", at.toString());
        }
        return request.get("/consent-checks").then();
    }

    @Test
    void youngPersonWithConsentForTheScopeAndPlatformIsAllowed() {
        String[] ids = Fixtures.register("Allowed Avery");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        check(ids[0], "GROUP_SESSIONS", "ZOOM", null).statusCode(200)
                .body("allowed", equalTo(true))
                .body("reasons", empty())
                .body("consentId", equalTo(consentId))
                .body("youngPersonId", equalTo(ids[0]));
    }

    @Test
    void onlyYoungPeopleWhoHaveBeenGivenConsentMayJoin() {
        String[] ids = Fixtures.register("No Consent Noa");
        check(ids[0], "GROUP_SESSIONS", "ZOOM", null).statusCode(200)
                .body("allowed", equalTo(false))
                .body("reasons", contains("NO_CONSENT"))
                .body("consentId", nullValue());
        Fixtures.consent(ids[0], ids[1]);
        check(ids[0], "ONE_TO_ONE_SESSIONS", "ZOOM", null).statusCode(200)
                .body("allowed", equalTo(false)).body("reasons", contains("NO_CONSENT"));
    }

    @Test
    void consentGivenAfterTheTimeAskedAboutDoesNotCount() {
        String[] ids = Fixtures.register("Later Lee");
        Fixtures.consent(ids[0], ids[1]);
        check(ids[0], "GROUP_SESSIONS", "ZOOM", Fixtures.GIVEN_AT.minusDays(1)).statusCode(200)
                .body("allowed", equalTo(false)).body("reasons", contains("NO_CONSENT"));
    }

    @Test
    void withdrawnConsentRefusesWithTheReason() {
        String[] ids = Fixtures.register("Withdrawn Will");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        Fixtures.withdraw(consentId);
        check(ids[0], "GROUP_SESSIONS", "ZOOM", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3)).statusCode(200)
                .body("allowed", equalTo(false)).body("reasons", contains("WITHDRAWN"));
        // before the withdrawal, the consent was in force
        check(ids[0], "GROUP_SESSIONS", "ZOOM", Fixtures.GIVEN_AT.plusDays(1)).statusCode(200)
                .body("allowed", equalTo(true));
    }

    @Test
    void consentExpiredByThenRefusesWithTheReason() {
        String[] ids = Fixtures.register("Expiring Eden");
        given().contentType(ContentType.JSON)
                .body(Fixtures.consentBody(ids[1], "GROUP_SESSIONS", "[\"ZOOM\"]", Fixtures.GIVEN_AT,
                        Fixtures.GIVEN_AT.plusMonths(2)))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(201);
        check(ids[0], "GROUP_SESSIONS", "ZOOM", Fixtures.GIVEN_AT.plusMonths(2)).statusCode(200)
                .body("allowed", equalTo(false)).body("reasons", contains("EXPIRED"));
        check(ids[0], "GROUP_SESSIONS", "ZOOM", Fixtures.GIVEN_AT.plusMonths(2).minusMinutes(1)).statusCode(200)
                .body("allowed", equalTo(true));
    }

    @Test
    void platformNotCoveredRefusesWithTheReason() {
        String[] ids = Fixtures.register("Platform Pat");
        Fixtures.consent(ids[0], ids[1]); // Zoom only
        check(ids[0], "GROUP_SESSIONS", "WHATSAPP", null).statusCode(200)
                .body("allowed", equalTo(false)).body("reasons", contains("PLATFORM_NOT_COVERED"));
    }

    @Test
    void aLaterConsentInForceOutweighsAnOlderWithdrawnOne() {
        String[] ids = Fixtures.register("Renewed Rae");
        Fixtures.withdraw(Fixtures.consent(ids[0], ids[1]));
        String renewed = given().contentType(ContentType.JSON)
                .body(Fixtures.consentBody(ids[1], "GROUP_SESSIONS", "[\"SKYPE\",\"ZOOM\"]",
                        OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), null))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(201).extract().path("id");
        check(ids[0], "GROUP_SESSIONS", "ZOOM", null).statusCode(200)
                .body("allowed", equalTo(true)).body("reasons", empty()).body("consentId", equalTo(renewed));
    }

    @Test
    @TestSecurity(user = "coord-agreement", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = AGREEMENT_ORG))
    void groupSessionNeedsTheOnlineSafetyAgreementWherePolicyRequiresIt() {
        policies.update(AGREEMENT_ORG, new UpdateSettings(true, Period.ofMonths(12), 14, Period.ofYears(3), true),
                "manager-agreement");
        String[] ids = Fixtures.register("Agreement Ari");
        Fixtures.consent(ids[0], ids[1]);
        check(ids[0], "GROUP_SESSIONS", "ZOOM", null).statusCode(200)
                .body("allowed", equalTo(false)).body("reasons", contains("AGREEMENT_MISSING"));
        given().contentType(ContentType.JSON).body("{\"agreementVersion\":\"2026.1\"}")
                .post("/young-people/" + ids[0] + "/agreements").then().statusCode(201);
        check(ids[0], "GROUP_SESSIONS", "ZOOM", null).statusCode(200)
                .body("allowed", equalTo(true)).body("reasons", empty());
    }

    @Test
    @TestSecurity(user = "coord-agreement", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = AGREEMENT_ORG))
    void everyReasonIsGivenWhenRefused() {
        policies.update(AGREEMENT_ORG, new UpdateSettings(true, Period.ofMonths(12), 14, Period.ofYears(3), true),
                "manager-agreement");
        String[] ids = Fixtures.register("Many Reasons Max");
        Fixtures.withdraw(Fixtures.consent(ids[0], ids[1])); // Zoom, withdrawn
        given().contentType(ContentType.JSON)
                .body(Fixtures.consentBody(ids[1], "GROUP_SESSIONS", "[\"SKYPE\"]", Fixtures.GIVEN_AT, null))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Fixtures.consentBody(ids[1], "GROUP_SESSIONS", "[\"ZOOM\"]", Fixtures.GIVEN_AT,
                        Fixtures.GIVEN_AT.plusDays(2)))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(201);
        check(ids[0], "GROUP_SESSIONS", "ZOOM", null).statusCode(200)
                .body("allowed", equalTo(false))
                .body("reasons", contains("WITHDRAWN", "EXPIRED", "PLATFORM_NOT_COVERED", "AGREEMENT_MISSING"));
        // the agreement is a group-session rule only
        check(ids[0], "ONE_TO_ONE_SESSIONS", "ZOOM", null).statusCode(200).body("reasons", contains("NO_CONSENT"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerMayCheckConsent() {
        YoungPerson yp = TestData.youngPerson("org-a", "Worker Checks");
        TestData.consent(yp, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), Fixtures.GIVEN_AT, null);
        check(yp.id.toString(), "GROUP_SESSIONS", "ZOOM", null).statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotCheckConsent() {
        check(Fixtures.unknownId(), "GROUP_SESSIONS", "ZOOM", null).statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-b", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsYoungPersonIs404() {
        YoungPerson yp = TestData.youngPerson("org-a", "Org A Only");
        TestData.consent(yp, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), Fixtures.GIVEN_AT, null);
        check(yp.id.toString(), "GROUP_SESSIONS", "ZOOM", null).statusCode(404);
        check(UUID.randomUUID().toString(), "GROUP_SESSIONS", "ZOOM", null).statusCode(404);
    }

    @Test
    void badInputsAre400() {
        String id = Fixtures.unknownId();
        given().get("/consent-checks?scope=GROUP_SESSIONS&platform=ZOOM").then().statusCode(400)
                .body("errors.field", hasItem("youngPersonId"));
        given().get("/consent-checks?youngPersonId=" + id + "&platform=ZOOM").then().statusCode(400)
                .body("errors.field", hasItem("scope"));
        given().get("/consent-checks?youngPersonId=" + id + "&scope=GROUP_SESSIONS").then().statusCode(400)
                .body("errors.field", hasItem("platform"));
        given().get("/consent-checks?youngPersonId=" + id + "&scope=PICNICS&platform=ZOOM").then().statusCode(400);
        given().get("/consent-checks?youngPersonId=" + id + "&scope=GROUP_SESSIONS&platform=FAX").then().statusCode(400);
        given().get("/consent-checks?youngPersonId=nope&scope=GROUP_SESSIONS&platform=ZOOM").then().statusCode(400);
        check(id, "GROUP_SESSIONS", "ZOOM", null).statusCode(404);
        given().queryParam("youngPersonId", id).queryParam("scope", "GROUP_SESSIONS").queryParam("platform", "ZOOM")
                .queryParam("at", "tomorrow").get("/consent-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        given().queryParam("youngPersonId", id).queryParam("scope", "GROUP_SESSIONS").queryParam("platform", "ZOOM")
                .queryParam("at", "2026-02-30T10:00:00Z").get("/consent-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        given().queryParam("youngPersonId", id).queryParam("scope", "GROUP_SESSIONS").queryParam("platform", "ZOOM")
                .queryParam("at", "+999999999-12-31T23:59:59Z").get("/consent-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        given().queryParam("youngPersonId", id).queryParam("scope", "GROUP_SESSIONS").queryParam("platform", "ZOOM")
                .queryParam("at", "2026-06-01T10:00:00 01:00").get("/consent-checks").then().statusCode(404); // '+' as space
    }
}
