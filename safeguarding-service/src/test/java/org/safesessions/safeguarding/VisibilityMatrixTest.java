package org.safesessions.safeguarding;

import org.safesessions.testkit.DemoStaff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.safeguarding.application.CouncilReferrals;
import org.safesessions.safeguarding.domain.AccessRecord;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.testkit.KeycloakResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who sees which concern (SPEC §2): the full matrix of role × own/other author × staff allegation or not (and
 * about the reader or not) × own/other organisation, and for councils own/other council × organisation, checked
 * on both the single read and the list; then the same rules through the REST API with real role tokens.
 */
@QuarkusTest
class VisibilityMatrixTest extends SafeguardingTestStack {

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    @Inject
    CouncilReferrals referrals;

    enum Subject { YOUNG_PERSON, STAFF_ALLEGATION_ABOUT_SOMEONE_ELSE, STAFF_ALLEGATION_ABOUT_THE_READER }

    record Case(Reader.Reach reach, String reader, boolean ownAuthor, Subject subject, boolean ownOrg) {
    }

    static boolean expected(Case c) {
        if (!c.ownOrg() || c.subject() == Subject.STAFF_ALLEGATION_ABOUT_THE_READER) {
            return false;
        }
        return switch (c.reach()) {
            case ALL -> true;
            case ALL_BUT_STAFF_ALLEGATIONS -> c.subject() == Subject.YOUNG_PERSON;
            case OWN_SUMMARY -> c.ownAuthor();
        };
    }

    @Test
    void everyStaffRoleSeesExactlyWhatSpecAllows() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownOrg = "org-m-" + suffix;
        String otherOrg = "org-n-" + suffix;
        List<String> failures = new ArrayList<>();
        int checked = 0;
        // reader user names per role; worker and coordinator share the OWN_SUMMARY reach
        String[][] roles = {{"OWN_SUMMARY", "worker-m"}, {"OWN_SUMMARY", "coord-m"}, {"ALL", "dsl-m"},
                {"ALL_BUT_STAFF_ALLEGATIONS", "manager-m"}};
        for (String[] role : roles) {
            Reader.Reach reach = Reader.Reach.valueOf(role[0]);
            String me = role[1];
            // the organisation has a DSL (dsl-m), so its managers handle no allegation about anyone else
            Reader reader = new Reader(ownOrg, me, KeycloakResource.idOf(me), reach,
                    () -> Set.of(KeycloakResource.idOf("dsl-m")));
            for (boolean ownAuthor : new boolean[]{true, false}) {
                for (Subject subject : Subject.values()) {
                    for (boolean ownOrgCase : new boolean[]{true, false}) {
                        Case c = new Case(reach, me, ownAuthor, subject, ownOrgCase);
                        Concern concern = Fixtures.raiseAs(register, ownOrgCase ? ownOrg : otherOrg,
                                ownAuthor ? me : "worker2-m",
                                subject == Subject.YOUNG_PERSON ? SubjectType.YOUNG_PERSON : SubjectType.STAFF_MEMBER,
                                subject == Subject.STAFF_ALLEGATION_ABOUT_THE_READER ? me.toUpperCase() : "coord2-m",
                                RiskLevel.MEDIUM);
                        boolean read = readable(reader, concern.id);
                        boolean listed = QuarkusTransaction.requiringNew().call(() ->
                                register.list(reader, null, null, 0, 200).items().stream()
                                        .anyMatch(x -> x.id.equals(concern.id)));
                        if (read != expected(c) || listed != expected(c)) {
                            failures.add(c + " read=" + read + " listed=" + listed);
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(48, checked);
        assertTrue(failures.isEmpty(), "visibility differs from SPEC §2 for: " + failures);
    }

    private boolean readable(Reader reader, UUID id) {
        try {
            register.read(reader, id, AccessRecord.View.FULL, "test");
            return true;
        } catch (RecordNotFoundException e) {
            return false;
        }
    }

    @Test
    void councilsSeeOnlyReferralsEscalatedToTheirCouncilFromAnyOrganisation() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> failures = new ArrayList<>();
        for (String org : List.of("org-m-" + suffix, "org-n-" + suffix)) {
            for (boolean allegation : new boolean[]{false, true}) {
                for (String escalatedTo : new String[]{"E09000024", "E10000020", null}) {
                    Concern c = Fixtures.raiseAs(register, org, "worker-m",
                            allegation ? SubjectType.STAFF_MEMBER : SubjectType.YOUNG_PERSON, "coord2-m", RiskLevel.HIGH);
                    if (escalatedTo != null) {
                        Fixtures.escalate(workflow, org, c.id, escalatedTo);
                    }
                    for (String council : List.of("E09000024", "E10000020")) {
                        boolean expected = council.equals(escalatedTo);
                        boolean read;
                        try {
                            referrals.read(council, c.id, "council-client", register::narrative);
                            read = true;
                        } catch (RecordNotFoundException e) {
                            read = false;
                        }
                        boolean listed = QuarkusTransaction.requiringNew().call(() ->
                                referrals.list(council, 0, 200).items().stream().anyMatch(x -> x.id.equals(c.id)));
                        if (read != expected || listed != expected) {
                            failures.add(org + " allegation=" + allegation + " to=" + escalatedTo + " council=" + council
                                    + " read=" + read + " listed=" + listed);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), "council visibility wrong for: " + failures);
    }

    // The same rules through the API, with role tokens.

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void youthWorkerSeesOnlyConcernsTheyRaisedAsASummary() {
        Concern mine = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.LOW);
        Concern theirs = Fixtures.raiseAs(register, "org-a", "worker2-a", SubjectType.YOUNG_PERSON, null, RiskLevel.LOW);
        given().get("/concerns/" + mine.id).then().statusCode(200).body("narrative", nullValue());
        given().get("/concerns/" + theirs.id).then().statusCode(404);
        given().get("/concerns?size=200").then().body("items.id", hasItem(mine.id.toString()))
                .body("items.id", not(hasItem(theirs.id.toString())));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a"), @Claim(key = "sub", value = DemoStaff.COORD_A)})
    void coordinatorSeesOnlyConcernsTheyRaised() {
        Concern mine = Fixtures.raiseAs(register, "org-a", "coord-a", SubjectType.STAFF_MEMBER, "worker2-a", RiskLevel.MEDIUM);
        Concern theirs = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.LOW);
        given().get("/concerns/" + mine.id).then().statusCode(200).body("narrative", nullValue());
        given().get("/concerns/" + theirs.id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void managerSeesAllButAllegationsAgainstStaff() {
        Concern child = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.LOW);
        Concern allegation = Fixtures.raiseAs(register, "org-a", "coord-a", SubjectType.STAFF_MEMBER, "worker2-a", RiskLevel.HIGH);
        given().get("/concerns/" + child.id).then().statusCode(200).body("narrative", equalTo(Fixtures.NARRATIVE));
        given().get("/concerns/" + allegation.id).then().statusCode(404);
        given().get("/concerns/" + allegation.id + "/access-log").then().statusCode(404);
        given().get("/concerns?size=200").then().body("items.id", hasItem(child.id.toString()))
                .body("items.id", not(hasItem(allegation.id.toString())));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void allegationIsNeverVisibleToTheStaffMemberItIsAbout() {
        Concern aboutMe = Fixtures.raiseAs(register, "org-a", "manager-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.HIGH);
        Concern aboutColleague = Fixtures.raiseAs(register, "org-a", "manager-a", SubjectType.STAFF_MEMBER, "worker2-a", RiskLevel.HIGH);
        given().get("/concerns/" + aboutMe.id).then().statusCode(404);
        given().post("/concerns/" + aboutMe.id + "/acknowledgement").then().statusCode(404);
        given().get("/concerns/" + aboutMe.id + "/chronology").then().statusCode(404);
        given().get("/concerns/" + aboutColleague.id).then().statusCode(200).body("staffUserName", equalTo("worker2-a"));
        given().get("/concerns?size=200").then().body("items.id", not(hasItem(aboutMe.id.toString())))
                .body("items.id", hasItem(aboutColleague.id.toString()));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void dslSeesEveryConcernOfTheOrganisation() {
        Concern child = Fixtures.raiseAs(register, "org-a", "worker2-a", SubjectType.YOUNG_PERSON, null, RiskLevel.LOW);
        Concern allegation = Fixtures.raiseAs(register, "org-a", "coord-a", SubjectType.STAFF_MEMBER, "worker-a", RiskLevel.HIGH);
        given().get("/concerns/" + child.id).then().statusCode(200).body("narrative", equalTo(Fixtures.NARRATIVE));
        given().get("/concerns/" + allegation.id).then().statusCode(200).body("subjectType", equalTo("STAFF_MEMBER"));
    }
}
