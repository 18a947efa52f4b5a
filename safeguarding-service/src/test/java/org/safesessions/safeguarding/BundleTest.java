package org.safesessions.safeguarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.testkit.DemoStaff;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The court and council bundle (SPEC §5): the whole chronology as JSON and as a PDF read back with PDFBox, each
 * entry's hash, the chain's verification, one digest of the content on every page; for DSLs only; the export logged.
 */
@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
class BundleTest extends SafeguardingTestStack {

    private static final String PDF = "application/pdf";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    ConcernRegister register;

    private static String entry(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/concerns/" + id + "/chronology")
                .then().statusCode(201).extract().path("id");
    }

    /** A concern with a workflow move, a note, its correction and a confidentiality decision. */
    private static String concernWithAChronology() {
        String id = Fixtures.raise("HIGH");
        given().post("/concerns/" + id + "/acknowledgement").then().statusCode(200);
        String wrong = entry(id, "{\"kind\":\"NOTE\",\"text\":\"met the young person on Tuesday\"}");
        entry(id, "{\"kind\":\"NOTE\",\"text\":\"met on Wednesday, not Tuesday\",\"corrects\":\"" + wrong + "\"}");
        entry(id, """
                {"kind":"CONFIDENTIALITY_DECISION","decision":"BREAK_CONFIDENTIALITY",
                 "justification":"another young person is in immediate danger","decidedBy":"dsl-a",
                 "informed":["the young person","police (101)"]}""");
        return id;
    }

    private Map<Integer, String> storedHashes(String id) throws Exception {
        Map<Integer, String> hashes = new TreeMap<>();
        try (Connection db = dataSource.getConnection(); var st = db.createStatement();
             ResultSet rs = st.executeQuery("select seq, hash from chronology_entry where concern_id = '" + id + "'")) {
            while (rs.next()) {
                hashes.put(rs.getInt(1), rs.getString(2));
            }
        }
        return hashes;
    }

    /** What a recipient does: SHA-256 over {@code content} with keys sorted, nulls left out, no whitespace, UTF-8. */
    @SuppressWarnings("unchecked")
    private static String recomputedDigest(String bundleJson) throws Exception {
        Map<String, Object> bundle = JSON.readValue(bundleJson, Map.class);
        byte[] canonical = JSON.writeValueAsString(canonical(bundle.get("content"))).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    }

    @SuppressWarnings("unchecked")
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (v != null) {
                    sorted.put(k, canonical(v));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BundleTest::canonical).toList();
        }
        return value;
    }

    private static String asShown(String time) {
        return OffsetDateTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String text(PDDocument pdf, int fromPage, int toPage) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(fromPage);
        stripper.setEndPage(toPage);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }

    @Test
    void jsonBundleHoldsTheSummaryEveryEntryOpenedWithItsHashTheChainAndTheDigestOfItsContent() throws Exception {
        String id = concernWithAChronology();
        JsonPath chronology = given().get("/concerns/" + id + "/chronology").then().statusCode(200).extract().jsonPath();
        Map<Integer, String> hashes = storedHashes(id);
        String body = given().accept(ContentType.JSON).get("/concerns/" + id + "/bundle").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        JsonPath bundle = JsonPath.from(body);

        assertEquals(id, bundle.getString("content.concern.id"));
        assertEquals("org-a", bundle.getString("content.concern.organisation"));
        assertTrue(bundle.getString("content.concern.reference").matches("SG-\\d{4}-\\d{6}"));
        assertEquals("YOUNG_PERSON", bundle.getString("content.concern.subjectType"));
        assertEquals(List.of("SEXUAL_EXPLOITATION", "SEXTING"), bundle.getList("content.concern.categories"));
        assertEquals("HIGH", bundle.getString("content.concern.risk"));
        assertEquals("ACKNOWLEDGED", bundle.getString("content.concern.status"));
        assertEquals("dsl-a", bundle.getString("content.concern.raisedBy"));
        assertTrue(bundle.getString("content.concern.raisedAt") != null);
        assertTrue(bundle.getString("content.concern.sessionId") != null);

        List<Map<String, Object>> entries = bundle.getList("content.entries");
        assertEquals(5, entries.size());
        assertEquals(List.of(1, 2, 3, 4, 5), bundle.getList("content.entries.seq"));
        assertEquals(List.of("RAISED", "ACKNOWLEDGED", "NOTE", "NOTE", "CONFIDENTIALITY_DECISION"),
                bundle.getList("content.entries.kind"));
        for (int i = 0; i < entries.size(); i++) {
            String at = "content.entries[" + i + "].";
            assertEquals(chronology.getString("[" + i + "].id"), bundle.getString(at + "id"));
            assertEquals(chronology.getString("[" + i + "].recordedBy"), bundle.getString(at + "recordedBy"));
            assertEquals(OffsetDateTime.parse(chronology.getString("[" + i + "].recordedAt")).toInstant(),
                    OffsetDateTime.parse(bundle.getString(at + "recordedAt")).toInstant());
            assertEquals(chronology.getString("[" + i + "].text"), bundle.getString(at + "body.text"));
            assertEquals(hashes.get(i + 1), bundle.getString(at + "hash"));
            assertEquals(i == 0 ? "0".repeat(64) : hashes.get(i), bundle.getString(at + "previousHash"));
        }
        assertEquals(Fixtures.NARRATIVE, bundle.getString("content.entries[0].body.text"));
        assertEquals(List.of(4), bundle.getList("content.entries[2].correctedBy"));
        assertEquals(bundle.getString("content.entries[2].id"), bundle.getString("content.entries[3].corrects"));
        assertEquals(3, bundle.getInt("content.entries[3].correctsSeq"));
        assertEquals("BREAK_CONFIDENTIALITY", bundle.getString("content.entries[4].body.decision"));
        assertEquals("another young person is in immediate danger", bundle.getString("content.entries[4].body.justification"));
        assertEquals(List.of("the young person", "police (101)"), bundle.getList("content.entries[4].body.informed"));

        assertEquals(true, bundle.getBoolean("content.chain.intact"));
        assertEquals(5, bundle.getInt("content.chain.entries"));
        assertEquals("intact: 5 entries", bundle.getString("content.chain.statement"));

        assertEquals("SHA-256", bundle.getString("digest.algorithm"));
        assertTrue(bundle.getString("digest.value").matches("[0-9a-f]{64}"));
        assertEquals(recomputedDigest(body), bundle.getString("digest.value"));
        assertEquals("dsl-a", bundle.getString("producedBy"));
    }

    @Test
    void pdfBundleShowsTheSummaryEveryEntryItsHashTheChainAndTheSameDigestAsTheJsonOnEveryPage() throws Exception {
        String id = Fixtures.raise("IMMEDIATE_DANGER");
        given().post("/concerns/" + id + "/acknowledgement").then().statusCode(200);
        String paragraph = "The young person described, over several weeks, messages from an adult they met in an"
                + " online game who asked them to move to a private app and to keep the conversation secret.";
        String longNote = String.join("\n", java.util.Collections.nCopies(40, paragraph));
        entry(id, "{\"kind\":\"NOTE\",\"text\":" + JSON.writeValueAsString(longNote) + "}");
        String wrong = entry(id, "{\"kind\":\"PRIVATE_SESSION\",\"text\":\"spoke privately on Monday\"}");
        entry(id, "{\"kind\":\"PRIVATE_SESSION\",\"text\":\"spoke privately on Tuesday, not Monday\",\"corrects\":\"" + wrong + "\"}");
        Map<Integer, String> hashes = storedHashes(id);

        byte[] pdfBytes = given().accept(PDF).get("/concerns/" + id + "/bundle").then().statusCode(200)
                .contentType(PDF).header("Content-Disposition", containsString("-bundle.pdf")).extract().asByteArray();
        // the same entries as JSON: the same content, so the same digest
        String json = given().accept(ContentType.JSON).queryParam("upTo", 5).get("/concerns/" + id + "/bundle")
                .then().statusCode(200).extract().asString();
        JsonPath bundle = JsonPath.from(json);
        String digest = bundle.getString("digest.value");
        assertEquals(recomputedDigest(json), digest);

        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages >= 2, "a long narrative runs onto more pages, was " + pages);
            // read as one text, without the footers that a page break puts between the lines of a long entry
            String all = text(pdf, 1, pages).replaceAll("Bundle SHA-256 [0-9a-f]{64} ?", "")
                    .replaceAll("Page \\d+ of \\d+ ?", "");
            assertTrue(all.contains("Court and council bundle"));
            assertTrue(all.contains("Reference: " + bundle.getString("content.concern.reference")));
            assertTrue(all.contains("Subject: YOUNG_PERSON"));
            assertTrue(all.contains("Categories: SEXUAL_EXPLOITATION, SEXTING"));
            assertTrue(all.contains("Risk: IMMEDIATE_DANGER"));
            assertTrue(all.contains("Status: ACKNOWLEDGED"));
            assertTrue(all.contains("Raised by: dsl-a"));
            assertTrue(all.contains("Raised at: " + asShown(bundle.getString("content.concern.raisedAt"))));
            assertTrue(all.contains("Session: " + bundle.getString("content.concern.sessionId")));
            assertTrue(all.contains("Chain intact: 5 entries"), all);
            for (int i = 0; i < 5; i++) {
                String at = "content.entries[" + i + "].";
                assertTrue(all.contains("#" + (i + 1) + " " + bundle.getString(at + "kind") + " "
                        + asShown(bundle.getString(at + "recordedAt")) + " by " + bundle.getString(at + "recordedBy")),
                        "entry " + (i + 1) + " heading");
                String said = bundle.getString(at + "body.text"); // an acknowledgement says nothing more
                assertTrue(said == null ? i == 1 : all.contains(said.replaceAll("\\s+", " ")), "entry " + (i + 1) + " text");
                assertTrue(all.contains("hash " + hashes.get(i + 1)), "entry " + (i + 1) + " hash");
            }
            assertTrue(all.contains(paragraph + " " + paragraph), "the wrapped narrative reads back whole");
            assertTrue(all.contains("Corrected by entry #5"));
            assertTrue(all.contains("Corrects entry #4"));
            for (int page = 1; page <= pages; page++) {
                String onPage = text(pdf, page, page);
                assertTrue(onPage.contains("Bundle SHA-256 " + digest), "digest on page " + page);
                assertTrue(onPage.contains("Page " + page + " of " + pages), "page number on page " + page);
            }
        }
    }

    @Test
    void charactersTheStandardFontsCannotShowAreWrittenVisiblyAndKeptExactInTheJson() throws Exception {
        String id = Fixtures.raise("LOW");
        String welsh = "Dywedodd y person ifanc: \"Mae'n ddŵr dwfn, ŷd ar y cae\" 😀 café\tend";
        entry(id, "{\"kind\":\"NOTE\",\"text\":" + JSON.writeValueAsString(welsh) + "}");
        byte[] pdfBytes = given().accept(PDF).get("/concerns/" + id + "/bundle").then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            String all = text(pdf, 1, pdf.getNumberOfPages());
            assertTrue(all.contains("dd[U+0175]r dwfn, [U+0177]d ar y cae\" [U+1F600] café end"), all);
            assertTrue(all.contains("written as [U+XXXX]"));
        }
        given().accept(ContentType.JSON).get("/concerns/" + id + "/bundle").then().statusCode(200)
                .body("content.entries[1].body.text", equalTo(welsh));
    }

    @Test
    void producingABundleIsLoggedAndRecordedInTheChronologyWithNoEvent() throws Exception {
        String id = Fixtures.raise("MEDIUM");
        long eventsBefore = outboxMessages(id);
        given().accept(PDF).get("/concerns/" + id + "/bundle").then().statusCode(200);
        String digest = bundleDigestUpTo(id, 1); // the same entry as the PDF: its digest
        given().get("/concerns/" + id + "/access-log").then().statusCode(200)
                .body("items.view", hasItem("EXPORT"))
                .body("items.find { it.view == 'EXPORT' }.accessedBy", equalTo("dsl-a"))
                .body("items.find { it.view == 'EXPORT' }.role", equalTo("safeguarding-lead"));
        JsonPath chronology = given().get("/concerns/" + id + "/chronology").then().statusCode(200).extract().jsonPath();
        assertEquals("BUNDLE_PRODUCED", chronology.getString("[1].kind"));
        assertEquals("dsl-a", chronology.getString("[1].recordedBy"));
        assertTrue(chronology.getString("[1].text").contains("application/pdf by dsl-a: entries 1 to 1, SHA-256 " + digest),
                chronology.getString("[1].text"));
        given().get("/concerns/" + id + "/chronology/verification").then().body("intact", equalTo(true));
        assertEquals(eventsBefore, outboxMessages(id), "a bundle puts nothing on Kafka");
    }

    /** The digest of the bundle of entries 1 to {@code upTo} (as JSON; itself recorded, as every export is). */
    private static String bundleDigestUpTo(String id, int upTo) {
        return given().accept(ContentType.JSON).queryParam("upTo", upTo).get("/concerns/" + id + "/bundle")
                .then().statusCode(200).extract().path("digest.value");
    }

    private long outboxMessages(String id) throws Exception {
        try (Connection db = dataSource.getConnection(); var st = db.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from outbox_message where aggregate_id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBundleOfTheSameEntriesHasTheSameDigestLater() {
        String id = Fixtures.raise("LOW");
        String first = bundleDigestUpTo(id, 1);
        entry(id, "{\"kind\":\"NOTE\",\"text\":\"a later note\"}");
        assertEquals(first, bundleDigestUpTo(id, 1));
        String whole = given().accept(ContentType.JSON).get("/concerns/" + id + "/bundle").then().statusCode(200)
                .body("content.entries.kind", contains("RAISED", "BUNDLE_PRODUCED", "NOTE", "BUNDLE_PRODUCED"))
                .extract().path("digest.value");
        assertFalse(whole.equals(first));
    }

    @Test
    void aBrokenChainIsStatedInTheBundle() throws Exception {
        String id = Fixtures.raise("HIGH");
        String target = entry(id, "{\"kind\":\"NOTE\",\"text\":\"first note\"}");
        entry(id, "{\"kind\":\"NOTE\",\"text\":\"second note\"}");
        try (Connection db = dataSource.getConnection(); var st = db.createStatement()) {
            st.execute("alter table chronology_entry disable trigger chronology_append_only");
            try {
                st.executeUpdate("update chronology_entry set recorded_by = 'dsl-b' where id = '" + target + "'");
            } finally {
                st.execute("alter table chronology_entry enable trigger chronology_append_only");
            }
        }
        given().accept(ContentType.JSON).get("/concerns/" + id + "/bundle").then().statusCode(200)
                .body("content.chain.intact", equalTo(false)).body("content.chain.firstBrokenSeq", equalTo(2))
                .body("content.chain.statement", equalTo("broken at entry 2 (entry-altered): 3 entries checked"));
        byte[] pdfBytes = given().accept(PDF).queryParam("upTo", 3).get("/concerns/" + id + "/bundle").then()
                .statusCode(200).extract().asByteArray();
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            assertTrue(text(pdf, 1, pdf.getNumberOfPages()).contains("Chain broken at entry 2 (entry-altered): 3 entries checked"));
        }
    }

    // ---- who may produce one --------------------------------------------------------------------------------------

    @Test
    @TestSecurity
    void bundleWithoutATokenIs401() {
        given().accept(ContentType.JSON).get("/concerns/" + UUID.randomUUID() + "/bundle").then().statusCode(401)
                .contentType("application/problem+json");
        given().accept(PDF).get("/concerns/" + UUID.randomUUID() + "/bundle").then().statusCode(401);
    }

    private static void forbidden() {
        for (String accept : List.of("application/json", PDF)) {
            given().accept(accept).get("/concerns/" + UUID.randomUUID() + "/bundle").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void bundleIsForDslsOnlyNotManagers() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void bundleIsForDslsOnlyNotYouthWorkers() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a"), @Claim(key = "sub", value = DemoStaff.COORD_A)})
    void bundleIsForDslsOnlyNotCoordinators() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void bundleIsForDslsOnlyNotCouncils() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "dsl-b", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-b"), @Claim(key = "preferred_username", value = "dsl-b"), @Claim(key = "sub", value = DemoStaff.DSL_B)})
    void anotherOrganisationsConcernHasNoBundle404() {
        Concern other = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        for (String accept : List.of("application/json", PDF)) {
            given().accept(accept).get("/concerns/" + other.id + "/bundle").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().accept(PDF).get("/concerns/" + UUID.randomUUID() + "/bundle").then().statusCode(404);
    }

    @Test
    void anAllegationAboutTheCallerHasNoBundle404() {
        Concern aboutMe = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "dsl-a", RiskLevel.HIGH);
        for (String accept : List.of("application/json", PDF)) {
            given().accept(accept).get("/concerns/" + aboutMe.id + "/bundle").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        assertEquals(List.of(), accessesOf(aboutMe.id), "nothing is logged or recorded for a concern not seen");
    }

    private List<String> accessesOf(UUID id) {
        List<String> views = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); var st = db.createStatement();
             ResultSet rs = st.executeQuery("select access_view from concern_access where concern_id = '" + id + "'")) {
            while (rs.next()) {
                views.add(rs.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return views;
    }

    @Test
    void badUpToIs400NamingItOr422PastTheLastEntryAndOtherAcceptsAre406() {
        String id = Fixtures.raise("LOW");
        for (String bad : List.of("0", "-3", "abc")) {
            given().accept(ContentType.JSON).queryParam("upTo", bad).get("/concerns/" + id + "/bundle").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("upTo"));
        }
        given().accept(PDF).queryParam("upTo", 2).get("/concerns/" + id + "/bundle").then().statusCode(422)
                .body("rule", equalTo("bundle-ends-at-an-entry-of-the-chronology"));
        for (String accept : List.of("text/html", "application/xml", "text/plain")) {
            given().accept(accept).get("/concerns/" + id + "/bundle").then().statusCode(406)
                    .contentType("application/problem+json");
        }
    }
}
