package org.safesessions.kit.crypto;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code safesessions_crypto_rows_on_old_keys{table,column}}: rows of each sealed column still sealed with a key
 * other than the active one. After a new key becomes active it falls to 0 as {@link KeyRotation} runs; at 0 for
 * every column the old key can be removed. NaN while the database is away (unknown, not zero).
 */
@ApplicationScoped
public class KeyRotationMetrics {

    public static final String ROWS_ON_OLD_KEYS = "safesessions.crypto.rows.on.old.keys";

    @Inject
    MeterRegistry registry;

    @Inject
    KeyRotation rotation;

    void onStart(@Observes StartupEvent start) {
        for (SealedColumn column : rotation.columns()) {
            Gauge.builder(ROWS_ON_OLD_KEYS, () -> rowsOnOldKeys(column))
                    .description("Rows of this sealed column still sealed with a key other than the active one")
                    .tag("table", column.table())
                    .tag("column", column.cipherColumn())
                    .register(registry);
        }
    }

    private double rowsOnOldKeys(SealedColumn column) {
        try {
            return rotation.rowsOnOldKeys(column);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
