package org.safesessions.safeguarding.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The hash chain over a concern's chronology: each entry's hash is SHA-256 over the previous entry's hash and every
 * stored field of the entry, so a changed field, a removed or re-ordered entry break the chain from that point.
 *
 * <p>The entry's text counts by what it says, not by how it is sealed (version 2, every entry written since V21):
 * the hash covers the SHA-256 of the opened text, so re-sealing with a new key (key rotation) changes no hash, while
 * a body re-sealed with other text, or a cipher text altered or moved from another entry (which does not open), still
 * breaks the chain. Verifying therefore opens each body. Entries written before V21 (version 1) cover their key id and
 * cipher text as stored, and verify as before until they are converted.
 *
 * <p>Converting a version-1 entry (V22, so that it can be re-sealed and its key removed) keeps its hash and previous
 * hash exactly as published: bundles printed before still match. Its {@code convertedHash} covers that hash, its
 * fields and the SHA-256 of its opened text ({@link #ofConverted}), and a CHAIN_CONVERTED entry appended to the chain
 * records it. A converted entry therefore verifies by its links, by its converted hash matching its opened text
 * ({@code entry-altered} otherwise), and by a CHAIN_CONVERTED entry, itself intact, recording that same converted
 * hash ({@code conversion-not-recorded} otherwise).
 */
public final class ChainHash {

    /** The "previous hash" of a concern's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The version every new entry is hashed with. */
    public static final int CURRENT_VERSION = 2;

    private ChainHash() {
    }

    /** An entry's body as the verification sees it: its opened text, or why it does not open. */
    public record Body(String text, String unreadable) {
        public static Body opened(String text) {
            return new Body(text, null);
        }

        public static Body unreadable(String reason) {
            return new Body(null, reason);
        }
    }

    /** The hash of a version-2 entry whose body, opened, is {@code bodyText}. */
    public static String of(ChronologyEntry e, String bodyText) {
        return sha256(String.join("\n",
                "v2",
                e.previousHash,
                e.id.toString(),
                e.concernId.toString(),
                Integer.toString(e.seq),
                e.kind.name(),
                e.recordedAt.toInstant().toString(),
                e.recordedBy,
                e.correctsEntryId == null ? "" : e.correctsEntryId.toString(),
                sha256(bodyText)));
    }

    /**
     * The converted hash of a version-1 entry whose body, opened, is {@code bodyText}: over its published hash, its
     * fields and the SHA-256 of its text, so it no longer depends on how the text is sealed.
     */
    public static String ofConverted(ChronologyEntry e, String bodyText) {
        return sha256(String.join("\n",
                "v1-converted",
                e.hash,
                e.previousHash,
                e.id.toString(),
                e.concernId.toString(),
                Integer.toString(e.seq),
                e.kind.name(),
                e.recordedAt.toInstant().toString(),
                e.recordedBy,
                e.correctsEntryId == null ? "" : e.correctsEntryId.toString(),
                sha256(bodyText)));
    }

    /** Whether a version-2 entry alone is as hashed (its links aside): a CHAIN_CONVERTED record is trusted only then. */
    public static boolean matches(ChronologyEntry e, String bodyText) {
        return e.hashVersion == CURRENT_VERSION && of(e, bodyText).equals(e.hash);
    }

    /** The hash of a version-1 entry (before V21): over its sealed body as stored. */
    static String ofVersion1(ChronologyEntry e) {
        return sha256(String.join("\n",
                e.previousHash,
                e.id.toString(),
                e.concernId.toString(),
                Integer.toString(e.seq),
                e.kind.name(),
                e.recordedAt.toInstant().toString(),
                e.recordedBy,
                e.correctsEntryId == null ? "" : e.correctsEntryId.toString(),
                e.bodyKeyId,
                HexFormat.of().formatHex(e.bodyCipher)));
    }

    /**
     * The first entry (in order) where the chain breaks, or empty when the whole chronology is intact;
     * {@code bodies} opens an entry's body; {@code recordedConversions} is each converted entry's converted hash as an
     * intact CHAIN_CONVERTED entry of the concern records it, by entry id.
     */
    public static Optional<Break> verify(List<ChronologyEntry> entries, Function<ChronologyEntry, Body> bodies,
                                         Map<UUID, String> recordedConversions) {
        String previous = GENESIS;
        int expectedSeq = 1;
        for (ChronologyEntry e : entries) {
            if (e.seq != expectedSeq) {
                return Optional.of(new Break(e.id, e.seq, "entry-missing-or-out-of-order"));
            }
            if (!e.previousHash.equals(previous)) {
                return Optional.of(new Break(e.id, e.seq, "previous-hash-mismatch"));
            }
            if (e.hashVersion == 1 && e.convertedHash != null) {
                Body body = bodies.apply(e);
                if (body.text() == null) {
                    return Optional.of(new Break(e.id, e.seq, body.unreadable()));
                }
                if (!ofConverted(e, body.text()).equals(e.convertedHash)) {
                    return Optional.of(new Break(e.id, e.seq, "entry-altered"));
                }
                if (!e.convertedHash.equals(recordedConversions.get(e.id))) {
                    return Optional.of(new Break(e.id, e.seq, "conversion-not-recorded"));
                }
                previous = e.hash;
                expectedSeq++;
                continue;
            }
            String recomputed;
            if (e.hashVersion == 1) {
                recomputed = ofVersion1(e);
            } else {
                Body body = bodies.apply(e);
                if (body.text() == null) {
                    return Optional.of(new Break(e.id, e.seq, body.unreadable()));
                }
                recomputed = of(e, body.text());
            }
            if (!recomputed.equals(e.hash)) {
                return Optional.of(new Break(e.id, e.seq, "entry-altered"));
            }
            previous = e.hash;
            expectedSeq++;
        }
        return Optional.empty();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Break(UUID entryId, int seq, String reason) {
    }
}
