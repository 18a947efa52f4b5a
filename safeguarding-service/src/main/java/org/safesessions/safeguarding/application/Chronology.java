package org.safesessions.safeguarding.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.safeguarding.domain.ChainHash;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.ChronologyEntry;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.LawfulBasis;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Writes and reads a concern's court-safe chronology: entries are appended (never changed), sealed, and chained
 * by hash to the entry before. Callers hold the concern's row lock, so two appends never race for one place.
 */
@ApplicationScoped
public class Chronology {

    @Inject
    FieldCipher cipher;

    @Inject
    ObjectMapper json;

    /** An entry as read back: its texts opened. */
    public record Entry(ChronologyEntry stored, ChronologyBody body) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ChronologyEntry append(Concern concern, ChronologyKind kind, String recordedBy, OffsetDateTime at,
                                  UUID corrects, ChronologyBody body) {
        if (corrects != null) {
            ChronologyEntry corrected = ChronologyEntry.findById(corrects);
            if (corrected == null || !corrected.concernId.equals(concern.id)) {
                throw new RuleViolationException("correction-points-at-an-entry-of-this-concern",
                        "a correction must point at an earlier entry of the same concern");
            }
        }
        ChronologyEntry last = ChronologyEntry.last(concern.id);
        ChronologyEntry entry = new ChronologyEntry();
        entry.id = UUID.randomUUID();
        entry.concernId = concern.id;
        entry.seq = last == null ? 1 : last.seq + 1;
        entry.kind = kind;
        // the database keeps microseconds: hash exactly what it will hand back
        entry.recordedAt = at.truncatedTo(ChronoUnit.MICROS);
        entry.recordedBy = recordedBy;
        entry.correctsEntryId = corrects;
        String text = write(body);
        var sealed = cipher.seal(text, entry.bodyBinding());
        entry.bodyKeyId = sealed.keyId();
        entry.bodyCipher = sealed.cipherText();
        entry.previousHash = last == null ? ChainHash.GENESIS : last.hash;
        entry.hashVersion = ChainHash.CURRENT_VERSION;
        entry.hash = ChainHash.of(entry, text);
        entry.persist();
        return entry;
    }

    /** The entries of {@code kinds}, in order, opened. */
    public List<Entry> read(UUID concernId, Predicate<ChronologyKind> kinds) {
        return ChronologyEntry.of(concernId).stream()
                .filter(e -> kinds.test(e.kind))
                .map(e -> new Entry(e, read(cipher.open(e.body(), e.bodyBinding()))))
                .toList();
    }

    /**
     * An entry's body opened, or empty when its sealed text no longer opens (altered in the database, or sealed with
     * a key no longer configured): a bundle still shows the entry, its hash and the chain's verdict.
     */
    public Optional<ChronologyBody> open(ChronologyEntry e) {
        try {
            return Optional.of(read(cipher.open(e.body(), e.bodyBinding())));
        } catch (FieldCipher.TamperedCipherTextException | IllegalStateException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The concern's standing confidentiality decision: its latest CONFIDENTIALITY_DECISION entry, opened (a
     * correction of a decision is itself a later decision entry).
     */
    public Optional<LawfulBasis.Decision> latestConfidentialityDecision(UUID concernId) {
        ChronologyEntry latest = ChronologyEntry.find("concernId = ?1 and kind = ?2 order by seq desc", concernId,
                ChronologyKind.CONFIDENTIALITY_DECISION).firstResult();
        return Optional.ofNullable(latest)
                .map(e -> new LawfulBasis.Decision(e, read(cipher.open(e.body(), e.bodyBinding()))));
    }

    /** The result of checking the whole chain of a concern's chronology. */
    public record Verification(boolean intact, int entries, Optional<ChainHash.Break> firstBreak) {
    }

    public Verification verify(UUID concernId) {
        List<ChronologyEntry> entries = ChronologyEntry.of(concernId);
        Optional<ChainHash.Break> broken = verify(entries);
        return new Verification(broken.isEmpty(), entries.size(), broken);
    }

    /**
     * Where the chain of these entries first breaks. Each body is opened for its hash (ChainHash): one that fails
     * authentication (altered, or moved from another entry) is {@code entry-altered}; one sealed with a key no longer
     * configured is {@code entry-unreadable}, since its text can no longer be checked. A converted version-1 entry is
     * checked against the CHAIN_CONVERTED entry that records it, wherever that entry is in the concern's chronology
     * (a bundle ending earlier still verifies as it did before the conversion), provided that entry is itself as
     * hashed.
     */
    public Optional<ChainHash.Break> verify(List<ChronologyEntry> entries) {
        return ChainHash.verify(entries, this::openForHash, recordedConversions(entries));
    }

    private ChainHash.Body openForHash(ChronologyEntry e) {
        try {
            return ChainHash.Body.opened(cipher.open(e.body(), e.bodyBinding()));
        } catch (FieldCipher.TamperedCipherTextException altered) {
            return ChainHash.Body.unreadable("entry-altered");
        } catch (IllegalStateException noKey) {
            return ChainHash.Body.unreadable("entry-unreadable");
        }
    }

    /** Each converted entry's converted hash, as the concern's intact CHAIN_CONVERTED entries record it. */
    private Map<UUID, String> recordedConversions(List<ChronologyEntry> entries) {
        if (entries.stream().noneMatch(e -> e.convertedHash != null)) {
            return Map.of();
        }
        Map<UUID, String> recorded = new HashMap<>();
        List<ChronologyEntry> records = ChronologyEntry.list("concernId = ?1 and kind = ?2 order by seq",
                entries.get(0).concernId, ChronologyKind.CHAIN_CONVERTED);
        for (ChronologyEntry r : records) {
            ChainHash.Body body = openForHash(r);
            if (body.text() != null && ChainHash.matches(r, body.text())) {
                List<ChronologyBody.ConvertedEntry> converted = read(body.text()).converted();
                if (converted != null) {
                    // two records disagreeing on an entry: neither is believed
                    converted.stream().filter(c -> c.seq() < r.seq)
                            .forEach(c -> recorded.merge(c.id(), c.convertedHash(), (x, y) -> x.equals(y) ? x : ""));
                }
            }
        }
        return recorded;
    }

    private String write(ChronologyBody body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chronology body not writable", e);
        }
    }

    private ChronologyBody read(String text) {
        try {
            return json.readValue(text, ChronologyBody.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chronology body not readable", e);
        }
    }
}
