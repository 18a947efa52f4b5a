package org.safesessions.kit.crypto;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sealed column's names go into the rotation's SQL, so only plain SQL identifiers are taken. */
class SealedColumnTest {

    @Test
    void sealedColumnNamesMustBeSqlIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> SealedColumn.of("concern; drop table concern", "id",
                "narrative_key_id", "narrative_cipher", row -> "x"));
        assertThrows(IllegalArgumentException.class, () -> SealedColumn.of("concern", "id", "narrative_key_id",
                "narrative_cipher", row -> "x").alsoReading("Id\""));
        assertThrows(IllegalArgumentException.class, () -> SealedColumn.of("zoom_registrant", List.of(), "join_url_key",
                "join_url", row -> "x"));
    }

    @Test
    void aSealedColumnIsNamedByTableAndCipherColumnAndKeepsItsBinding() {
        SealedColumn column = SealedColumn.of("zoom_registrant", List.of("session_id", "young_person_id"),
                        "join_url_key", "join_url", row -> "join-url:" + row.get("session_id") + ":" + row.get("young_person_id"))
                .resealableOnlyWhere("cancelled = false");
        assertEquals("zoom_registrant.join_url", column.name());
        assertEquals("join-url:s:y", column.binding().apply(Map.of("session_id", "s", "young_person_id", "y")));
        assertTrue(column.resealableWhen().isPresent());
    }
}
