package org.safesessions.safeguarding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.EscalationMethod;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ConfidentialityDecision;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;

import org.safesessions.testkit.KeycloakResource;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Concerns and calls the safeguarding tests share. */
final class Fixtures {

    static final String NARRATIVE = "Jamie said an older boy online asked for photos and threatened to share them";

    private Fixtures() {
    }

    static String concernBody(String risk) {
        return """
                {"subjectType":"YOUNG_PERSON","youngPersonId":"%s","youngPersonDateOfBirth":"%s","sessionId":"%s",
                 "categories":["SEXTING","SEXUAL_EXPLOITATION"],"risk":"%s","narrative":"%s"}"""
                .formatted(UUID.randomUUID(), LocalDate.now().minusYears(14), UUID.randomUUID(), risk, NARRATIVE);
    }

    /** Raises a concern through the API as the current test identity; returns its id. */
    static String raise(String risk) {
        return given().contentType(ContentType.JSON).body(concernBody(risk))
                .post("/concerns").then().statusCode(201).extract().path("id");
    }

    static Reader dsl(String org) {
        return reader(org, "dsl-" + org.substring(org.length() - 1), Reader.Reach.ALL);
    }

    /** A reader with the Keycloak id the stand-in gives {@code userName}. */
    static Reader reader(String org, String userName, Reader.Reach reach) {
        return new Reader(org, userName, KeycloakResource.idOf(userName), reach);
    }

    /**
     * Raises a concern directly, as {@code raisedBy} of {@code org}. A staff allegation is about {@code staffUser}, by
     * the Keycloak id the stand-in gives that name (any case) and its canonical name.
     */
    static Concern raiseAs(ConcernRegister register, String org, String raisedBy, SubjectType subject, String staffUser,
                           RiskLevel risk) {
        return QuarkusTransaction.requiringNew().call(() -> register.raise(new ConcernRegister.NewConcern(org, subject,
                subject == SubjectType.YOUNG_PERSON ? UUID.randomUUID() : null,
                subject == SubjectType.STAFF_MEMBER ? KeycloakResource.idOf(staffUser) : null,
                subject == SubjectType.STAFF_MEMBER ? StaffDirectory.canonical(staffUser) : null,
                subject == SubjectType.YOUNG_PERSON ? LocalDate.now().minusYears(15) : null, null,
                EnumSet.of(ConcernCategory.EMOTIONAL_ABUSE), risk, NARRATIVE, ConcernSource.STAFF, null, raisedBy)));
    }

    /** A DSL's decision to break confidentiality, as posted to the chronology: a lawful basis for escalating. */
    static final String BREAK_CONFIDENTIALITY = """
            {"kind":"CONFIDENTIALITY_DECISION","decision":"BREAK_CONFIDENTIALITY",
             "justification":"risk of serious harm outweighs the young person's wish for confidentiality",
             "decidedBy":"dsl-a","informed":["the young person","manager-a"]}""";

    /** Records a decision to break confidentiality on the concern (the lawful basis of a test's escalation). */
    static void breakConfidentiality(ConcernWorkflow workflow, Reader dsl, UUID id) {
        workflow.record(dsl, id, new ConcernWorkflow.RecordEntry(ChronologyKind.CONFIDENTIALITY_DECISION, null, null,
                ConfidentialityDecision.BREAK_CONFIDENTIALITY, "risk of serious harm outweighs confidentiality",
                dsl.userName(), List.of("the young person", "manager-a")));
    }

    /**
     * Takes a concern through acknowledgement and review to an escalation to {@code council}, on the lawful basis
     * of a decision to break confidentiality.
     */
    static void escalate(ConcernWorkflow workflow, String org, UUID id, String council) {
        Reader dsl = dsl(org);
        workflow.acknowledge(dsl, id);
        workflow.startReview(dsl, id, new ConcernWorkflow.StartReview(null));
        breakConfidentiality(workflow, dsl, id);
        workflow.escalate(dsl, id, new ConcernWorkflow.Escalate(council, EscalationMethod.PORTAL, "REF-1",
                "Referral: disclosure of online sexual exploitation"));
    }
}
