package org.safesessions.safeguarding;

import org.safesessions.testkit.DemoStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The court-safe chronology: append-only, corrections as new entries, hash-chained, tampering detected. */
@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
class ChronologyTest extends SafeguardingTestStack {

    @Inject
    DataSource dataSource;

    private static String entry(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/concerns/" + id + "/chronology")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void chronologyRecordsNotesPrivateSessionsAndConfidentialityDecisionsInOrder() {
        String id = Fixtures.raise("HIGH");
        given().post("/concerns/" + id + "/acknowledgement").then().statusCode(200);
        entry(id, "{\"kind\":\"PRIVATE_SESSION\",\"text\":\"chatted privately about who needs to know\"}");
        given().contentType(ContentType.JSON).body("""
                        {"kind":"CONFIDENTIALITY_DECISION","decision":"BREAK_CONFIDENTIALITY",
                         "justification":"another young person is in immediate danger","decidedBy":"dsl-a",
                         "informed":["the young person","police (101)"]}""")
                .post("/concerns/" + id + "/chronology").then().statusCode(201)
                .body("seq", equalTo(4)).body("kind", equalTo("CONFIDENTIALITY_DECISION"))
                .body("decision", equalTo("BREAK_CONFIDENTIALITY")).body("decidedBy", equalTo("dsl-a"))
                .body("informed", contains("the young person", "police (101)"));
        entry(id, "{\"kind\":\"NOTE\",\"text\":\"called the school\"}");
        entry(id, "{\"kind\":\"OUTCOME\",\"text\":\"safety plan agreed\"}");
        given().get("/concerns/" + id + "/chronology").then().statusCode(200)
                .body("kind", contains("RAISED", "ACKNOWLEDGED", "PRIVATE_SESSION", "CONFIDENTIALITY_DECISION", "NOTE", "OUTCOME"))
                .body("seq", contains(1, 2, 3, 4, 5, 6))
                .body("[0].text", equalTo(Fixtures.NARRATIVE))
                .body("[4].recordedBy", equalTo("dsl-a"));
        given().get("/concerns/" + id + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(6)).body("firstBrokenEntryId", nullValue());
    }

    @Test
    void correctionIsANewEntryPointingAtTheOldOne() {
        String id = Fixtures.raise("LOW");
        String wrong = entry(id, "{\"kind\":\"NOTE\",\"text\":\"met on Tuesday\"}");
        given().contentType(ContentType.JSON).body("{\"kind\":\"NOTE\",\"text\":\"met on Wednesday, not Tuesday\",\"corrects\":\"" + wrong + "\"}")
                .post("/concerns/" + id + "/chronology").then().statusCode(201).body("corrects", equalTo(wrong));
        given().get("/concerns/" + id + "/chronology").then()
                .body("text", contains(Fixtures.NARRATIVE, "met on Tuesday", "met on Wednesday, not Tuesday"));
        String other = Fixtures.raise("LOW");
        given().contentType(ContentType.JSON).body("{\"kind\":\"NOTE\",\"text\":\"x\",\"corrects\":\"" + wrong + "\"}")
                .post("/concerns/" + other + "/chronology").then().statusCode(422)
                .body("rule", equalTo("correction-points-at-an-entry-of-this-concern"));
        given().contentType(ContentType.JSON).body("{\"kind\":\"NOTE\",\"text\":\"x\",\"corrects\":\"" + UUID.randomUUID() + "\"}")
                .post("/concerns/" + other + "/chronology").then().statusCode(422);
    }

    @Test
    void confidentialityDecisionRecordsJustificationDeciderAndInformed() {
        String id = Fixtures.raise("HIGH");
        for (String body : List.of(
                "{\"kind\":\"CONFIDENTIALITY_DECISION\",\"decidedBy\":\"dsl-a\",\"informed\":[\"police\"],\"decision\":\"BREAK_CONFIDENTIALITY\"}",
                "{\"kind\":\"CONFIDENTIALITY_DECISION\",\"justification\":\"danger\",\"informed\":[\"police\"],\"decision\":\"BREAK_CONFIDENTIALITY\"}",
                "{\"kind\":\"CONFIDENTIALITY_DECISION\",\"justification\":\"danger\",\"decidedBy\":\"dsl-a\",\"decision\":\"BREAK_CONFIDENTIALITY\"}",
                "{\"kind\":\"CONFIDENTIALITY_DECISION\",\"justification\":\"danger\",\"decidedBy\":\"dsl-a\",\"informed\":[]," +
                        "\"decision\":\"BREAK_CONFIDENTIALITY\"}",
                "{\"kind\":\"CONFIDENTIALITY_DECISION\",\"justification\":\"danger\",\"decidedBy\":\"dsl-a\",\"informed\":[\"police\"]}")) {
            given().contentType(ContentType.JSON).body(body).post("/concerns/" + id + "/chronology").then().statusCode(422)
                    .body("rule", equalTo("confidentiality-decision-records-justification-decider-and-informed"));
        }
        entry(id, "{\"kind\":\"CONFIDENTIALITY_DECISION\",\"decision\":\"KEEP_CONFIDENTIAL\",\"justification\":\"no risk to others\","
                + "\"decidedBy\":\"dsl-a\",\"informed\":[]}");
    }

    @Test
    void workflowEntriesAndEmptyNotesAreRefused() {
        String id = Fixtures.raise("LOW");
        given().contentType(ContentType.JSON).body("{\"kind\":\"CLOSURE\",\"text\":\"sneaky\"}")
                .post("/concerns/" + id + "/chronology").then().statusCode(422).body("rule", equalTo("entry-kind-written-by-the-workflow"));
        given().contentType(ContentType.JSON).body("{\"kind\":\"NOTE\"}")
                .post("/concerns/" + id + "/chronology").then().statusCode(422).body("rule", equalTo("chronology-entry-has-text"));
        given().contentType(ContentType.JSON).body("{\"kind\":\"GOSSIP\",\"text\":\"x\"}")
                .post("/concerns/" + id + "/chronology").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .post("/concerns/" + id + "/chronology").then().statusCode(400);
    }

    @Test
    void databaseRefusesToEditOrDeleteChronologyEntries() throws SQLException {
        String id = Fixtures.raise("LOW");
        try (Connection db = dataSource.getConnection()) {
            assertThrows(SQLException.class, () -> db.createStatement()
                    .executeUpdate("update chronology_entry set recorded_by = 'someone' where concern_id = '" + id + "'"));
            assertThrows(SQLException.class, () -> db.createStatement()
                    .executeUpdate("delete from chronology_entry where concern_id = '" + id + "'"));
        }
        given().get("/concerns/" + id + "/chronology/verification").then().body("intact", equalTo(true));
    }

    /** Someone with database rights switches the guard off and edits an entry: the chain shows where. */
    @Test
    void verificationDetectsAChangeMadeDirectlyInTheDatabase() throws SQLException {
        String edited = Fixtures.raise("HIGH");
        entry(edited, "{\"kind\":\"NOTE\",\"text\":\"first note\"}");
        String target = entry(edited, "{\"kind\":\"NOTE\",\"text\":\"second note\"}");
        entry(edited, "{\"kind\":\"NOTE\",\"text\":\"third note\"}");
        String removed = Fixtures.raise("HIGH");
        entry(removed, "{\"kind\":\"NOTE\",\"text\":\"first note\"}");
        String gone = entry(removed, "{\"kind\":\"NOTE\",\"text\":\"second note\"}");
        entry(removed, "{\"kind\":\"NOTE\",\"text\":\"third note\"}");
        String swapped = Fixtures.raise("HIGH");
        String swapTarget = entry(swapped, "{\"kind\":\"NOTE\",\"text\":\"first note\"}");

        tamper("update chronology_entry set recorded_by = 'dsl-b' where id = '" + target + "'");
        given().get("/concerns/" + edited + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenEntryId", equalTo(target))
                .body("firstBrokenSeq", equalTo(3)).body("reason", equalTo("entry-altered"));

        tamper("delete from chronology_entry where id = '" + gone + "'");
        given().get("/concerns/" + removed + "/chronology/verification").then()
                .body("intact", equalTo(false)).body("firstBrokenSeq", equalTo(4));

        // even an attacker who recomputes nothing but swaps in another entry's sealed text is caught
        tamper("update chronology_entry set body_cipher = (select body_cipher from chronology_entry where id = '" + target
                + "') where id = '" + swapTarget + "'");
        given().get("/concerns/" + swapped + "/chronology/verification").then()
                .body("intact", equalTo(false)).body("firstBrokenEntryId", equalTo(swapTarget));
    }

    private void tamper(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection(); var st = db.createStatement()) {
            st.execute("alter table chronology_entry disable trigger chronology_append_only");
            try {
                st.executeUpdate(sql);
            } finally {
                st.execute("alter table chronology_entry enable trigger chronology_append_only");
            }
        }
    }
}
