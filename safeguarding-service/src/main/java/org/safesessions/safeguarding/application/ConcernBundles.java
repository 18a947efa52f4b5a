package org.safesessions.safeguarding.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.domain.AccessRecord;
import org.safesessions.safeguarding.domain.ChainHash;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.ChronologyEntry;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ConcernStatus;
import org.safesessions.safeguarding.domain.Reader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The court and council bundle (SPEC §5): a concern's summary and its whole chronology, each entry opened with its
 * hash, the chain's verification and a SHA-256 digest of it all. The digest is over the bundle's {@link Content}
 * in a canonical JSON form ({@link #canonical}), so anyone holding the JSON can recompute it, and the PDF prints the
 * same one. A bundle ends at an entry ({@code upTo}, by default the last): the same entries give the same content and
 * digest again later, as PDF or JSON. Producing one is written to the access log (EXPORT) and to the chronology
 * (a BUNDLE_PRODUCED entry naming who produced it, of which entries, and its digest); nothing goes on Kafka.
 */
@ApplicationScoped
public class ConcernBundles {

    public static final String DIGEST_ALGORITHM = "SHA-256";
    public static final String ENDS_AT_AN_ENTRY = "bundle-ends-at-an-entry-of-the-chronology";

    @Inject
    Chronology chronology;

    @Inject
    Time time;

    @Inject
    ObjectMapper json;

    /** A bundle as produced: its content, the content's digest (hex), and who produced it when (outside the digest). */
    public record Bundle(Content content, String digest, OffsetDateTime producedAt, String producedBy) {
    }

    /** What the digest covers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Content(Summary concern, List<Entry> entries, Chain chain) {
    }

    /** The concern as of the bundle's last entry (its status is the one that entry left it in). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(UUID id, String reference, String organisation, SubjectType subjectType,
                          Set<ConcernCategory> categories, RiskLevel risk, ConcernStatus status, ConcernSource source,
                          String raisedBy, OffsetDateTime raisedAt, UUID sessionId) {
    }

    /**
     * One chronology entry, opened. {@code corrects} and {@code correctsSeq} name the entry it corrects;
     * {@code correctedBy} the later entries of the bundle that correct it. {@code body} is absent and
     * {@code unreadable} true when the sealed text no longer opens.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(int seq, UUID id, ChronologyKind kind, OffsetDateTime recordedAt, String recordedBy,
                        UUID corrects, Integer correctsSeq, List<Integer> correctedBy, ChronologyBody body,
                        Boolean unreadable, String previousHash, String hash) {
    }

    /** The hash chain of the bundle's entries, checked: {@code statement} says it in words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chain(boolean intact, int entries, Integer firstBrokenSeq, UUID firstBrokenEntryId, String reason,
                       String statement) {
    }

    /**
     * Produces the bundle of concern {@code id} for a DSL, of its entries 1 to {@code upTo} (null: all of them), as
     * {@code mediaType}; 404 when the DSL may not see the concern, 422 {@value #ENDS_AT_AN_ENTRY} when the
     * chronology has no entry {@code upTo}.
     */
    @Transactional
    public Bundle produce(Reader dsl, UUID id, Integer upTo, String mediaType, String role) {
        Concern c = Concern.lockForUpdate(id).filter(dsl::canSee)
                .orElseThrow(() -> new RecordNotFoundException("concern"));
        List<ChronologyEntry> all = ChronologyEntry.of(c.id);
        if (upTo != null && (upTo < 1 || upTo > all.size())) {
            throw new RuleViolationException(ENDS_AT_AN_ENTRY,
                    "upTo must name an entry of the chronology (1 to " + all.size() + ")");
        }
        List<ChronologyEntry> covered = all.subList(0, upTo == null ? all.size() : upTo);
        Content content = new Content(summary(c, covered), entries(covered), chain(covered));
        String digest = digest(content);
        OffsetDateTime now = time.now();
        chronology.append(c, ChronologyKind.BUNDLE_PRODUCED, dsl.userName(), now, null, ChronologyBody.text(
                "Court and council bundle produced as " + mediaType + " by " + dsl.userName() + ": entries 1 to "
                        + covered.size() + ", " + DIGEST_ALGORITHM + " " + digest));
        AccessRecord.record(c.id, dsl.userName(), role, AccessRecord.View.EXPORT, now);
        return new Bundle(content, digest, now, dsl.userName());
    }

    private static Summary summary(Concern c, List<ChronologyEntry> covered) {
        ConcernStatus status = null;
        for (ChronologyEntry e : covered) {
            status = e.kind.statusAfter().orElse(status);
        }
        return new Summary(c.id, c.reference, c.organisation, c.subjectType, c.categories, c.risk,
                status != null ? status : c.status, c.source, c.raisedBy, c.raisedAt, c.sessionId);
    }

    private List<Entry> entries(List<ChronologyEntry> covered) {
        Map<UUID, Integer> seqOf = new HashMap<>();
        Map<UUID, List<Integer>> correctedBy = new HashMap<>();
        for (ChronologyEntry e : covered) {
            seqOf.put(e.id, e.seq);
            if (e.correctsEntryId != null) {
                correctedBy.computeIfAbsent(e.correctsEntryId, k -> new ArrayList<>()).add(e.seq);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (ChronologyEntry e : covered) {
            Optional<ChronologyBody> body = chronology.open(e);
            entries.add(new Entry(e.seq, e.id, e.kind, e.recordedAt, e.recordedBy, e.correctsEntryId,
                    e.correctsEntryId == null ? null : seqOf.get(e.correctsEntryId),
                    correctedBy.getOrDefault(e.id, List.of()), body.orElse(null), body.isEmpty() ? Boolean.TRUE : null,
                    e.previousHash, e.hash));
        }
        return entries;
    }

    private Chain chain(List<ChronologyEntry> covered) {
        return chronology.verify(covered)
                .map(b -> new Chain(false, covered.size(), b.seq(), b.entryId(), b.reason(),
                        "broken at entry " + b.seq() + " (" + b.reason() + "): " + covered.size() + " entries checked"))
                .orElseGet(() -> new Chain(true, covered.size(), null, null, null,
                        "intact: " + covered.size() + " entries"));
    }

    /** SHA-256 (hex) of the content's canonical form. */
    public String digest(Content content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(DIGEST_ALGORITHM).digest(canonical(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The content as this service writes it to JSON, then with every object's keys in alphabetical order, null
     * members left out, no whitespace, in UTF-8: what a recipient reproduces from the JSON bundle's {@code content}.
     */
    public byte[] canonical(Content content) {
        try {
            return json.writeValueAsString(sorted(json.valueToTree(content))).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bundle not writable", e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!member.getValue().isNull()) {
                    members.put(member.getKey(), sorted(member.getValue()));
                }
            }
            ObjectNode out = json.createObjectNode();
            members.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }
}
