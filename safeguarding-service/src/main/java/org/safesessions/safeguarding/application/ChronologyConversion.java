package org.safesessions.safeguarding.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.domain.ChainHash;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.ChronologyEntry;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Converts the chronology entries written before V21 (hash version 1, whose hash covers their cipher text) so that
 * key rotation can re-seal them and their key can be removed (issue 17). Run by the key rotation before it re-seals
 * ({@code SafeguardingKeyRotation}), one concern per transaction, holding the concern's row lock as every append does.
 *
 * <p>No hash changes: a hash printed in a bundle before still matches. A concern's whole chain is verified first, as
 * it stands; a broken one is refused (left as it is, its version-1 entries still not re-sealable, so their key stays
 * listed) and reported by concern id and where it breaks. An intact one gets, for each version-1 entry, its converted
 * hash ({@link ChainHash#ofConverted}, over its hash, its fields and its opened text), and one CHAIN_CONVERTED entry
 * appended, written by the service, naming how many entries were converted and the chain head then, and recording
 * each converted hash, so that a bundle shows when and by what the chain was converted. The database allows that
 * change and nothing else (V22).
 */
@ApplicationScoped
public class ChronologyConversion {

    private static final Logger LOG = Logger.getLogger(ChronologyConversion.class);

    /** Who a CHAIN_CONVERTED entry is recorded by. */
    public static final String RECORDED_BY = "safeguarding-service key rotation";

    @Inject
    Chronology chronology;

    @Inject
    FieldCipher cipher;

    @Inject
    Time time;

    @Inject
    EntityManager em;

    /** A concern whose chain was found broken, so not converted: where it breaks. */
    public record Refusal(UUID concernId, int seq, String reason) {
    }

    /** What a pass did: chronologies and entries converted, and the chronologies refused. */
    public record Result(int chronologies, int entries, List<Refusal> refused) {
    }

    private record Outcome(int entries, Refusal refused) {
    }

    /** Converts every chronology that still has a version-1 entry not converted. */
    public Result convertAll() {
        List<UUID> concerns = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select distinct e.concernId from ChronologyEntry e where e.hashVersion = 1 and e.convertedHash is null",
                UUID.class).getResultList());
        int chronologies = 0;
        int entries = 0;
        List<Refusal> refused = new ArrayList<>();
        for (UUID concernId : concerns) {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> convert(concernId));
            if (outcome.refused() != null) {
                refused.add(outcome.refused());
            } else if (outcome.entries() > 0) {
                chronologies++;
                entries += outcome.entries();
            }
        }
        if (chronologies > 0) {
            LOG.infof("chronology conversion: %d entries written before V21 converted in %d chronologies",
                    entries, chronologies);
        }
        for (Refusal r : refused) {
            LOG.warnf("chronology conversion refused for concern %s: its chain breaks at entry %d (%s); its entries "
                    + "written before V21 stay on their key, which must stay listed", r.concernId(), r.seq(), r.reason());
        }
        return new Result(chronologies, entries, List.copyOf(refused));
    }

    private Outcome convert(UUID concernId) {
        Optional<Concern> locked = Concern.lockForUpdate(concernId);
        if (locked.isEmpty()) {
            return new Outcome(0, null);
        }
        List<ChronologyEntry> entries = ChronologyEntry.of(concernId);
        List<ChronologyEntry> waiting = entries.stream().filter(ChronologyEntry::awaitsConversion).toList();
        if (waiting.isEmpty()) {
            return new Outcome(0, null); // another replica converted it meanwhile
        }
        Optional<ChainHash.Break> broken = chronology.verify(entries);
        if (broken.isPresent()) {
            return new Outcome(0, new Refusal(concernId, broken.get().seq(), broken.get().reason()));
        }
        List<ChronologyBody.ConvertedEntry> converted = new ArrayList<>();
        for (ChronologyEntry e : waiting) {
            String text = cipher.open(e.body(), e.bodyBinding());
            converted.add(new ChronologyBody.ConvertedEntry(e.seq, e.id, e.hash, ChainHash.ofConverted(e, text)));
        }
        String head = entries.get(entries.size() - 1).hash;
        chronology.append(locked.get(), ChronologyKind.CHAIN_CONVERTED, RECORDED_BY, time.now(), null,
                ChronologyBody.chainConverted(converted.size() + " entries written before hash version 2 (entries "
                        + converted.get(0).seq() + " to " + converted.get(converted.size() - 1).seq()
                        + ") converted so that they can be re-sealed with a new key: every hash is unchanged; each "
                        + "entry's text is now covered by the converted hash recorded here. Chain head before the "
                        + "conversion: SHA-256 " + head, converted));
        em.flush();
        for (ChronologyBody.ConvertedEntry c : converted) {
            // an immutable entity: the one change V22 allows, as SQL
            em.createNativeQuery("update chronology_entry set converted_hash = ?1 where id = ?2 and hash_version = 1"
                            + " and converted_hash is null")
                    .setParameter(1, c.convertedHash()).setParameter(2, c.id()).executeUpdate();
        }
        return new Outcome(converted.size(), null);
    }
}
