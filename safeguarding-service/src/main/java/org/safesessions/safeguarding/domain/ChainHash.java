package org.safesessions.safeguarding.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hash chain over a concern's chronology. Each entry's hash is SHA-256 over the previous entry's hash and
 * every stored field of the entry, including its sealed body as stored: verifying needs no key, and a changed
 * field, a changed cipher text, a removed or re-ordered entry all break the chain from that point.
 */
public final class ChainHash {

    /** The "previous hash" of a concern's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(ChronologyEntry e) {
        String fields = String.join("\n",
                e.previousHash,
                e.id.toString(),
                e.concernId.toString(),
                Integer.toString(e.seq),
                e.kind.name(),
                e.recordedAt.toInstant().toString(),
                e.recordedBy,
                e.correctsEntryId == null ? "" : e.correctsEntryId.toString(),
                e.bodyKeyId,
                HexFormat.of().formatHex(e.bodyCipher));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(fields.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** The first entry (in order) where the chain breaks, or empty when the whole chronology is intact. */
    public static Optional<Break> verify(List<ChronologyEntry> entries) {
        String previous = GENESIS;
        int expectedSeq = 1;
        for (ChronologyEntry e : entries) {
            if (e.seq != expectedSeq) {
                return Optional.of(new Break(e.id, e.seq, "entry-missing-or-out-of-order"));
            }
            if (!e.previousHash.equals(previous)) {
                return Optional.of(new Break(e.id, e.seq, "previous-hash-mismatch"));
            }
            if (!of(e).equals(e.hash)) {
                return Optional.of(new Break(e.id, e.seq, "entry-altered"));
            }
            previous = e.hash;
            expectedSeq++;
        }
        return Optional.empty();
    }

    public record Break(UUID entryId, int seq, String reason) {
    }
}
