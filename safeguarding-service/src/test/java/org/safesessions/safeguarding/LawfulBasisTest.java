package org.safesessions.safeguarding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.safeguarding.domain.ChronologyEntry;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ProjectedConsent;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.Events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.safesessions.testkit.Eventually.await;

/**
 * SPEC §5 lawful basis for sharing: an escalation rests on the young person's active INFORMATION_SHARING consent
 * (from safeguarding's own projection of consent-events) or on a decision recorded on the concern to break
 * confidentiality; neither is 422 {@code escalation-needs-lawful-basis}, and the basis is in the chronology and in
 * what the council reads.
 */
@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
class LawfulBasisTest extends SafeguardingTestStack {

    static final String ESCALATION = "{\"council\":\"E09000024\",\"method\":\"PHONE\",\"reference\":\"MASH-7\","
            + "\"referralSummary\":\"shared on a lawful basis\"}";

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    /** A concern about {@code youngPerson} of org-a, acknowledged and under review: ready to escalate. */
    private UUID underReview(UUID youngPerson) {
        Concern c = QuarkusTransaction.requiringNew().call(() -> register.raise(new ConcernRegister.NewConcern("org-a",
                SubjectType.YOUNG_PERSON, youngPerson, null, null, LocalDate.now().minusYears(15), null,
                EnumSet.of(ConcernCategory.EMOTIONAL_ABUSE), RiskLevel.HIGH, Fixtures.NARRATIVE, ConcernSource.STAFF,
                null, "worker-a")));
        workflow.acknowledge(Fixtures.dsl("org-a"), c.id);
        workflow.startReview(Fixtures.dsl("org-a"), c.id, new ConcernWorkflow.StartReview(null));
        return c.id;
    }

    private static UUID grant(String org, UUID youngPerson, ConsentScope scope) {
        UUID consent = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Events.publish("/consent-service", consent, new ConsentGrantedV1(consent, youngPerson, org, scope,
                EnumSet.of(Platform.ZOOM), ConsentGiver.GUARDIAN, UUID.randomUUID(), now.minusDays(1),
                now.plusMonths(12)));
        await("the consent is projected", () -> QuarkusTransaction.requiringNew()
                .call(() -> ProjectedConsent.findById(consent) != null));
        return consent;
    }

    private static void escalation(UUID concern, int status) {
        given().contentType(ContentType.JSON).body(ESCALATION).post("/concerns/" + concern + "/escalation")
                .then().statusCode(status);
    }

    private static void decide(UUID concern, String decision, String corrects) {
        given().contentType(ContentType.JSON).body("""
                {"kind":"CONFIDENTIALITY_DECISION","decision":"%s","justification":"immediate risk to another child",
                 "decidedBy":"dsl-a","informed":["the young person","manager-a"]%s}"""
                .formatted(decision, corrects == null ? "" : ",\"corrects\":\"" + corrects + "\""))
                .post("/concerns/" + concern + "/chronology").then().statusCode(201);
    }

    private static long escalationEntries(UUID concern) {
        return QuarkusTransaction.requiringNew().call(() -> ChronologyEntry.count("concernId = ?1 and kind = ?2",
                concern, ChronologyKind.ESCALATION));
    }

    @Test
    void escalationNeedsLawfulBasisNeitherConsentNorConfidentialityBreakIs422() {
        UUID concern = underReview(UUID.randomUUID());
        given().contentType(ContentType.JSON).body(ESCALATION).post("/concerns/" + concern + "/escalation")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("escalation-needs-lawful-basis"));
        given().get("/concerns/" + concern).then().body("status", equalTo("UNDER_REVIEW"))
                .body("escalatedCouncil", org.hamcrest.Matchers.nullValue());
        assertEquals(0, escalationEntries(concern), "nothing was escalated");
    }

    @Test
    void escalationOnActiveInformationSharingConsentRecordsTheConsentAsItsBasis() {
        UUID youngPerson = UUID.randomUUID();
        UUID concern = underReview(youngPerson);
        UUID consent = grant("org-a", youngPerson, ConsentScope.INFORMATION_SHARING);
        given().contentType(ContentType.JSON).body(ESCALATION).post("/concerns/" + concern + "/escalation")
                .then().statusCode(200).body("status", equalTo("ESCALATED"))
                .body("escalationBasis", equalTo("INFORMATION_SHARING_CONSENT"))
                .body("escalationBasisConsentId", equalTo(consent.toString()));
        given().get("/concerns/" + concern + "/chronology").then().statusCode(200)
                .body("find { it.kind == 'ESCALATION' }.lawfulBasis.kind", equalTo("INFORMATION_SHARING_CONSENT"))
                .body("find { it.kind == 'ESCALATION' }.lawfulBasis.consentId", equalTo(consent.toString()));
    }

    @Test
    void withdrawnConsentAnotherScopeOrAnotherOrganisationsConsentIsNoLawfulBasis() {
        UUID youngPerson = UUID.randomUUID();
        UUID concern = underReview(youngPerson);
        grant("org-a", youngPerson, ConsentScope.GROUP_SESSIONS);
        grant("org-b", youngPerson, ConsentScope.INFORMATION_SHARING);
        UUID withdrawn = grant("org-a", youngPerson, ConsentScope.INFORMATION_SHARING);
        Events.publish("/consent-service", withdrawn, new ConsentWithdrawnV1(withdrawn, youngPerson, "org-a",
                ConsentScope.INFORMATION_SHARING, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)));
        await("the withdrawal is projected", () -> QuarkusTransaction.requiringNew()
                .call(() -> ProjectedConsent.<ProjectedConsent>findById(withdrawn).withdrawnAt != null));
        escalation(concern, 422);
        assertEquals(0, escalationEntries(concern));
    }

    @Test
    void decisionToKeepConfidentialIsNoLawfulBasisButItsCorrectionToBreakIs() {
        UUID concern = underReview(UUID.randomUUID());
        decide(concern, "KEEP_CONFIDENTIAL", null);
        escalation(concern, 422);
        String keep = given().get("/concerns/" + concern + "/chronology").then()
                .extract().path("find { it.kind == 'CONFIDENTIALITY_DECISION' }.id");
        decide(concern, "BREAK_CONFIDENTIALITY", keep);
        String breakEntry = given().get("/concerns/" + concern + "/chronology").then()
                .extract().path("findAll { it.kind == 'CONFIDENTIALITY_DECISION' }[-1].id");
        given().contentType(ContentType.JSON).body(ESCALATION).post("/concerns/" + concern + "/escalation")
                .then().statusCode(200)
                .body("escalationBasis", equalTo("CONFIDENTIALITY_BREAK"))
                .body("escalationBasisEntryId", equalTo(breakEntry));
        given().get("/concerns/" + concern + "/chronology").then()
                .body("find { it.kind == 'ESCALATION' }.lawfulBasis.kind", equalTo("CONFIDENTIALITY_BREAK"))
                .body("find { it.kind == 'ESCALATION' }.lawfulBasis.decisionEntryId", equalTo(breakEntry))
                .body("find { it.kind == 'ESCALATION' }.lawfulBasis.justification",
                        equalTo("immediate risk to another child"))
                .body("find { it.kind == 'ESCALATION' }.lawfulBasis.informed", hasItem("manager-a"));
    }

    @Test
    @TestSecurity(user = "service-account-council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = {@Claim(key = "council", value = "E09000024"),
            @Claim(key = "preferred_username", value = "service-account-council-e09000024")})
    void councilReadsTheLawfulBasisOfTheReferral() {
        UUID concern = underReview(UUID.randomUUID());
        Fixtures.breakConfidentiality(workflow, Fixtures.dsl("org-a"), concern);
        workflow.escalate(Fixtures.dsl("org-a"), concern, new ConcernWorkflow.Escalate("E09000024",
                org.safesessions.events.safeguarding.EscalationMethod.PORTAL, "REF-9", "shared"));
        given().get("/council/referrals/" + concern).then().statusCode(200)
                .body("referral.lawfulBasis", equalTo("CONFIDENTIALITY_BREAK"))
                .body("history.kind", contains("ESCALATION"))
                .body("history[0].lawfulBasis.kind", equalTo("CONFIDENTIALITY_BREAK"))
                .body("history[0].lawfulBasis.decidedBy", equalTo("dsl-a"))
                .body("history[0].lawfulBasis.informed", hasItem("manager-a"))
                .body("history.kind", not(hasItem("CONFIDENTIALITY_DECISION")));
    }
}
