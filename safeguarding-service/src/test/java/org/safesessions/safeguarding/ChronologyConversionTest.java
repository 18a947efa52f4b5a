package org.safesessions.safeguarding;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.KeyRotation;
import org.safesessions.safeguarding.application.ChronologyConversion;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.safeguarding.application.SafeguardingKeyRotation;
import org.safesessions.safeguarding.domain.ChainHash;
import org.safesessions.safeguarding.domain.ChronologyEntry;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.testkit.DemoStaff;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 5, "the old key can be removed": chronology entries written before V21 (hash version 1, hashed over
 * their cipher text) are converted by the key rotation's run (V22, {@link ChronologyConversion}) and then re-sealed,
 * so no row is left on the old key; every hash stays as printed, the chain and its bundles verify with the old key
 * gone, and the conversion is itself an entry of the chain. A chain found broken is refused and reported.
 */
@QuarkusTest
class ChronologyConversionTest extends SafeguardingTestStack {

    private static final String KEY_1 = ConfigProvider.getConfig().getValue("safesessions.crypto.keys.test-1", String.class);
    private static final String KEY_2 = ConfigProvider.getConfig().getValue("safesessions.crypto.keys.test-2", String.class);

    @Inject
    KeyRotation rotation;

    @Inject
    ChronologyConversion conversion;

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    @Inject
    DataSource dataSource;

    private static void configure(String active, String... listed) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String id : listed) {
            keys.put(id, id.equals("test-1") ? KEY_1 : KEY_2);
        }
        QuarkusMock.installMockForType(new FieldCipher(keys, active), FieldCipher.class);
    }

    /** A stored entry as the test reads it back. */
    private record Row(UUID id, int seq, String kind, String keyId, String hash, String previousHash,
                       int hashVersion, String convertedHash) {
    }

    /**
     * A concern raised with key 1 active, acknowledged, and a note: three entries, then stored exactly as entries
     * written before V21 were (hash version 1: each hash over the previous hash, the fields, the key id and the cipher
     * text in hex), chained from the first.
     */
    private UUID concernWrittenBeforeV21() throws SQLException {
        configure("test-1", "test-1", "test-2");
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        Reader dsl = Fixtures.dsl("org-a");
        workflow.acknowledge(dsl, c.id);
        workflow.record(dsl, c.id, new ConcernWorkflow.RecordEntry(ChronologyKind.NOTE, "rang the school at 10:05",
                null, null, null, null, List.of()));
        withoutTheTrigger(db -> {
            String previous = ChainHash.GENESIS;
            try (var read = db.prepareStatement("select id, seq, kind, recorded_at, recorded_by, corrects_entry_id,"
                    + " body_key_id, body_cipher from chronology_entry where concern_id = ? order by seq");
                 var write = db.prepareStatement("update chronology_entry set hash_version = 1, previous_hash = ?,"
                         + " hash = ? where id = ?")) {
                read.setObject(1, c.id);
                List<String[]> rewritten = new ArrayList<>();
                try (var rs = read.executeQuery()) {
                    while (rs.next()) {
                        String hash = sha256(String.join("\n", previous, rs.getString("id"), c.id.toString(),
                                Integer.toString(rs.getInt("seq")), rs.getString("kind"),
                                rs.getObject("recorded_at", OffsetDateTime.class).toInstant().toString(),
                                rs.getString("recorded_by"),
                                rs.getString("corrects_entry_id") == null ? "" : rs.getString("corrects_entry_id"),
                                rs.getString("body_key_id"), HexFormat.of().formatHex(rs.getBytes("body_cipher"))));
                        rewritten.add(new String[]{previous, hash, rs.getString("id")});
                        previous = hash;
                    }
                }
                for (String[] r : rewritten) {
                    write.setString(1, r[0]);
                    write.setString(2, r[1]);
                    write.setObject(3, UUID.fromString(r[2]));
                    write.executeUpdate();
                }
            }
        });
        return c.id;
    }

    private interface Sql {
        void run(Connection db) throws SQLException;
    }

    /** A change made straight in the database, past the append-only trigger, as only its owner could. */
    private void withoutTheTrigger(Sql change) throws SQLException {
        try (Connection db = dataSource.getConnection(); var st = db.createStatement()) {
            st.execute("alter table chronology_entry disable trigger chronology_append_only");
            try {
                change.run(db);
            } finally {
                st.execute("alter table chronology_entry enable trigger chronology_append_only");
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection(); var st = db.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private List<Row> rows(UUID concern) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); var st = db.prepareStatement("select id, seq, kind,"
                + " body_key_id, hash, previous_hash, hash_version, converted_hash from chronology_entry"
                + " where concern_id = ? order by seq")) {
            st.setObject(1, concern);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject("id", UUID.class), rs.getInt("seq"), rs.getString("kind"),
                            rs.getString("body_key_id"), rs.getString("hash"), rs.getString("previous_hash"),
                            rs.getInt("hash_version"), rs.getString("converted_hash")));
                }
            }
        }
        return rows;
    }

    private KeyRotation.ColumnCount chronologyCount() {
        return rotation.counts().stream().filter(c -> c.table().equals("chronology_entry")).findFirst().orElseThrow();
    }

    private long onOldKeys() {
        return rotation.counts().stream().mapToLong(KeyRotation.ColumnCount::rowsOnOldKeys).sum();
    }

    private static String bundleDigestUpTo(UUID id, int upTo) {
        return given().accept(ContentType.JSON).queryParam("upTo", upTo).get("/concerns/" + id + "/bundle")
                .then().statusCode(200).body("content.chain.intact", equalTo(true))
                .extract().path("digest.value");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void entriesWrittenBeforeV21AreConvertedResealedAndTheirOldKeyRemoved() throws SQLException {
        UUID id = concernWrittenBeforeV21();
        given().get("/concerns/" + id + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(3));
        workflow.startReview(Fixtures.dsl("org-a"), id, null); // after V21: version 2, still on key 1
        String printedBefore = bundleDigestUpTo(id, 4); // a bundle printed before the rotation (entry 5 records it)
        List<Row> before = rows(id);
        assertEquals(List.of(1, 1, 1, 2, 2), before.stream().map(Row::hashVersion).toList());
        assertTrue(before.stream().allMatch(r -> r.keyId().equals("test-1")));

        configure("test-2", "test-1", "test-2"); // key 2 made active, key 1 still listed
        assertTrue(chronologyCount().notResealable() >= 3, "entries from before V21 cannot be re-sealed as they are");

        KeyRotation.Run run = rotation.run();
        assertTrue(run.complete());
        List<Row> after = rows(id);
        assertEquals(6, after.size(), "one entry added: the conversion");
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).hash(), after.get(i).hash(), "entry " + (i + 1) + " keeps its hash");
            assertEquals(before.get(i).previousHash(), after.get(i).previousHash());
            assertEquals(before.get(i).hashVersion(), after.get(i).hashVersion());
        }
        assertTrue(after.subList(0, 3).stream().allMatch(r -> r.convertedHash() != null && r.convertedHash().length() == 64));
        assertTrue(after.subList(3, 6).stream().allMatch(r -> r.convertedHash() == null));
        Row converted = after.get(5);
        assertEquals("CHAIN_CONVERTED", converted.kind());
        assertEquals(before.get(4).hash(), converted.previousHash(), "appended to the chain as it was");
        assertTrue(after.stream().allMatch(r -> r.keyId().equals("test-2")), "no entry left on key 1: " + after);
        assertEquals(0, chronologyCount().notResealable());
        assertEquals(0, onOldKeys());

        configure("test-2", "test-2"); // key 1 removed
        assertEquals(List.of(), rotation.keysNotConfigured());
        given().get("/concerns/" + id + "/chronology").then().statusCode(200)
                .body("text", hasItem("rang the school at 10:05"));
        given().get("/concerns/" + id + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(6));
        assertEquals(printedBefore, bundleDigestUpTo(id, 4), "the bundle printed before still matches, to the digest");
        given().accept(ContentType.JSON).get("/concerns/" + id + "/bundle").then().statusCode(200)
                .body("content.chain.intact", equalTo(true))
                .body("content.chain.statement", equalTo("intact: 7 entries"))
                .body("content.entries[5].kind", equalTo("CHAIN_CONVERTED"))
                .body("content.entries[5].recordedBy", equalTo(ChronologyConversion.RECORDED_BY))
                .body("content.entries[5].body.text", startsWith("3 entries written before hash version 2 (entries 1 to 3)"))
                .body("content.entries[5].body.text", org.hamcrest.Matchers.endsWith(
                        "Chain head before the conversion: SHA-256 " + before.get(4).hash()))
                .body("content.entries[5].body.converted.seq", contains(1, 2, 3))
                .body("content.entries[5].body.converted.hash", contains(before.get(0).hash(), before.get(1).hash(),
                        before.get(2).hash()))
                .body("content.entries[5].body.converted.convertedHash", contains(after.get(0).convertedHash(),
                        after.get(1).convertedHash(), after.get(2).convertedHash()));
        assertEquals(0, conversion.convertAll().entries(), "converting again changes nothing");
    }

    @Test
    void aTamperedChainWrittenBeforeV21IsRefusedConversionAndReported() throws SQLException {
        UUID id = concernWrittenBeforeV21();
        UUID altered = rows(id).get(1).id();
        withoutTheTrigger(db -> db.createStatement().executeUpdate(
                "update chronology_entry set recorded_by = 'dsl-b' where id = '" + altered + "'"));
        configure("test-2", "test-1", "test-2");

        List<String> logged = new CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        ChronologyConversion.Result result;
        try {
            result = conversion.convertAll();
            rotation.run();
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(result.refused().contains(new ChronologyConversion.Refusal(id, 2, "entry-altered")), result.toString());
        assertTrue(logged.stream().anyMatch(l -> l.contains("chronology conversion refused") && l.contains(id.toString())
                && l.contains("entry-altered")), "reported in the log by concern id: " + logged);
        assertTrue(logged.stream().noneMatch(l -> l.contains("rang the school")), "no text in the log");
        List<Row> rows = rows(id);
        assertEquals(3, rows.size(), "nothing appended to a broken chain");
        assertTrue(rows.stream().allMatch(r -> r.convertedHash() == null && r.keyId().equals("test-1")), rows.toString());
        assertTrue(chronologyCount().notResealable() >= 3, "its key must stay listed");

        // put back as it was (the recorded author was dsl-a): the next run converts it, and key 1 is free
        withoutTheTrigger(db -> db.createStatement().executeUpdate(
                "update chronology_entry set recorded_by = 'dsl-a' where id = '" + altered + "'"));
        assertTrue(rotation.run().complete());
        assertTrue(rows(id).stream().allMatch(r -> r.keyId().equals("test-2")));
        assertEquals("CHAIN_CONVERTED", rows(id).get(3).kind());
        assertEquals(0, onOldKeys());
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void aConvertedEntryResealedWithOtherTextBreaksTheChainEvenWithAMatchingConvertedHash() throws SQLException {
        UUID id = concernWrittenBeforeV21();
        configure("test-2", "test-1", "test-2");
        rotation.run();
        UUID target = rows(id).get(2).id();
        String otherText = "{\"text\":\"nothing happened\"}";
        byte[] resealed = new FieldCipher(Map.of("test-2", KEY_2), "test-2").seal(otherText, "chronology:" + target).cipherText();
        // a key holder re-seals the note with other text: the database allows a change of sealing, the chain notices
        try (Connection db = dataSource.getConnection();
             var st = db.prepareStatement("update chronology_entry set body_key_id = 'test-1', body_cipher = ? where id = ?")) {
            st.setBytes(1, new FieldCipher(Map.of("test-1", KEY_1), "test-1").seal(otherText, "chronology:" + target).cipherText());
            st.setObject(2, target);
            assertEquals(1, st.executeUpdate());
        }
        given().get("/concerns/" + id + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenSeq", equalTo(3)).body("reason", equalTo("entry-altered"));

        // ... and with its converted hash recomputed to match the other text: the CHAIN_CONVERTED entry disagrees
        ChronologyEntry stored = QuarkusTransaction.requiringNew().call(() -> ChronologyEntry.<ChronologyEntry>findById(target));
        String forged = ChainHash.ofConverted(stored, otherText);
        withoutTheTrigger(db -> {
            try (var st = db.prepareStatement("update chronology_entry set body_key_id = 'test-2', body_cipher = ?,"
                    + " converted_hash = ? where id = ?")) {
                st.setBytes(1, resealed);
                st.setString(2, forged);
                st.setObject(3, target);
                st.executeUpdate();
            }
        });
        given().get("/concerns/" + id + "/chronology/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenSeq", equalTo(3))
                .body("reason", equalTo("conversion-not-recorded"));
        given().accept(ContentType.JSON).get("/concerns/" + id + "/bundle").then().statusCode(200)
                .body("content.chain.statement", equalTo("broken at entry 3 (conversion-not-recorded): 4 entries checked"));
        configure("test-2", "test-1", "test-2");
        assertTrue(rotation.run().complete());
        assertEquals(0, onOldKeys());
    }

    @Test
    void theKitsKeyRotationIsReplacedWholeByOneThatConvertsFirst() {
        assertInstanceOf(SafeguardingKeyRotation.class, ClientProxy.unwrap(rotation));
        assertTrue(Arc.container().beanManager().resolveObserverMethods(new StartupEvent()).stream()
                .anyMatch(o -> o.getBeanClass().equals(SafeguardingKeyRotation.class)),
                "the kit's start warning (rows on a key not configured) still observes the start");
    }

    @Test
    void theDatabaseAllowsOnlyTheConversionAndReSealing() throws SQLException {
        UUID id = concernWrittenBeforeV21();
        List<Row> rows = rows(id);
        String first = rows.get(0).id().toString();
        String aHash = "ab".repeat(32);
        assertThrows(SQLException.class, () -> execute("update chronology_entry set converted_hash = '" + aHash
                + "' where id = '" + first + "'"), "no conversion without a CHAIN_CONVERTED entry recording it");
        assertThrows(SQLException.class, () -> execute("update chronology_entry set body_key_id = 'test-2'"
                + " where id = '" + first + "'"), "an entry from before V21 is not re-sealed before its conversion");

        configure("test-1", "test-1", "test-2");
        ChronologyConversion.Result result = conversion.convertAll();
        assertTrue(result.entries() >= 3 && result.refused().stream().noneMatch(r -> r.concernId().equals(id)));
        rows = rows(id);
        String record = rows.get(3).id().toString();
        assertEquals("CHAIN_CONVERTED", rows.get(3).kind());
        assertNotNull(rows.get(0).convertedHash());
        assertEquals("test-1", rows.get(0).keyId(), "converting changes no sealing");

        for (String change : List.of(
                "converted_hash = '" + aHash + "'",
                "converted_hash = null",
                "hash = '" + aHash + "'",
                "previous_hash = '" + aHash + "'",
                "hash_version = 2",
                "recorded_by = 'dsl-b', body_key_id = 'test-2'",
                "converted_hash = '" + aHash + "', body_key_id = 'test-2'")) {
            assertThrows(SQLException.class, () -> execute("update chronology_entry set " + change + " where id = '"
                    + first + "'"), change);
        }
        assertThrows(SQLException.class, () -> execute("update chronology_entry set converted_hash = '" + aHash
                + "' where id = '" + record + "'"), "a version-2 entry is never converted");
        assertThrows(SQLException.class, () -> execute("delete from chronology_entry where id = '" + first + "'"));

        configure("test-2", "test-1", "test-2");
        assertTrue(rotation.run().complete(), "a converted entry is re-sealed like any other");
        assertTrue(rows(id).stream().allMatch(r -> r.keyId().equals("test-2")));
        assertEquals(0, onOldKeys());
        assertFalse(rows(id).get(0).convertedHash().isEmpty());
        assertNull(rows(id).get(3).convertedHash());
    }
}
