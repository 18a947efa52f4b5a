package org.safesessions.safeguarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.safesessions.kit.crypto.Sealed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One fact in a concern's court-safe chronology. Never edited or deleted (the database refuses both); a
 * correction is a new entry pointing at the one it corrects. Its texts are sealed; {@link #hash} chains it to the
 * entry before, so a change made directly in the database shows up in {@link ChainHash#verify}.
 */
@Entity
@Immutable
@Table(name = "chronology_entry")
public class ChronologyEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "concern_id", nullable = false)
    public UUID concernId;

    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChronologyKind kind;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "corrects_entry_id")
    public UUID correctsEntryId;

    @Column(name = "body_key_id", nullable = false)
    public String bodyKeyId;

    @Column(name = "body_cipher", nullable = false)
    public byte[] bodyCipher;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(nullable = false)
    public String hash;

    /** How {@link #hash} was computed ({@link ChainHash}): 2 over the opened text, 1 (before V21) over the cipher text. */
    @Column(name = "hash_version", nullable = false)
    public int hashVersion;

    /**
     * For a version-1 entry converted for key rotation (V22): SHA-256 over its hash, its fields and its opened text
     * ({@link ChainHash#ofConverted}), recorded in the chain by a CHAIN_CONVERTED entry; null for every other entry.
     */
    @Column(name = "converted_hash")
    public String convertedHash;

    /** A version-1 entry not yet converted: its hash covers its sealing, so it cannot be re-sealed. */
    public boolean awaitsConversion() {
        return hashVersion == 1 && convertedHash == null;
    }

    public Sealed body() {
        return new Sealed(bodyKeyId, bodyCipher);
    }

    /** Binds the sealed body to this entry: a cipher text moved to another entry will not open. */
    public String bodyBinding() {
        return bodyBinding(id);
    }

    public static String bodyBinding(UUID entryId) {
        return "chronology:" + entryId;
    }

    public static List<ChronologyEntry> of(UUID concernId) {
        return list("concernId = ?1 order by seq", concernId);
    }

    public static ChronologyEntry last(UUID concernId) {
        return find("concernId = ?1 order by seq desc", concernId).firstResult();
    }
}
