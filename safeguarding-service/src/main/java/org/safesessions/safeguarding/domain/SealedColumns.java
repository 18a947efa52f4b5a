package org.safesessions.safeguarding.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.safesessions.kit.crypto.SealedColumn;

import java.util.UUID;

/**
 * What safeguarding keeps sealed, for the kit's key rotation (service-kit README "Rotating a key"): each column with
 * the binding its rows are sealed with, the very methods the entities seal and open with.
 */
@ApplicationScoped
public class SealedColumns {

    @Produces
    SealedColumn narratives() {
        return SealedColumn.of("concern", "id", "narrative_key_id", "narrative_cipher",
                row -> Concern.narrativeBinding((UUID) row.get("id")));
    }

    /**
     * Only entries whose hash does not cover their sealing may be re-sealed: version 2, and version-1 entries once
     * converted (V22, ChronologyConversion, which the rotation runs first); the database refuses any other change, and
     * an unconverted entry from before V21 would no longer match its hash.
     */
    @Produces
    SealedColumn chronologyTexts() {
        return SealedColumn.of("chronology_entry", "id", "body_key_id", "body_cipher",
                        row -> ChronologyEntry.bodyBinding((UUID) row.get("id")))
                .resealableOnlyWhere("hash_version = " + ChainHash.CURRENT_VERSION + " or converted_hash is not null");
    }

    @Produces
    SealedColumn webhookSecrets() {
        return SealedColumn.of("council_webhook", "council", "secret_key_id", "secret_cipher",
                row -> CouncilWebhook.secretBinding((String) row.get("council")));
    }
}
