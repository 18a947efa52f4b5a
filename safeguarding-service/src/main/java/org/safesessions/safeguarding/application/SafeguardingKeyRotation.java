package org.safesessions.safeguarding.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.kit.crypto.KeyRotation;

/**
 * The kit's key rotation, converting the chronology entries written before V21 first ({@link ChronologyConversion}),
 * so that one run re-seals them too and their key can be removed. It replaces the kit's bean in this service
 * ({@code quarkus.arc.exclude-types} in application.properties): {@code POST /ops/key-rotation/run}, the gauge and
 * the start warning are the kit's own. A chain found broken is refused conversion and reported; its entries stay on
 * their key and show as {@code notResealable}.
 */
@ApplicationScoped
public class SafeguardingKeyRotation extends KeyRotation {

    @Inject
    ChronologyConversion conversion;

    /** Converts on the calling thread (a bounded set: no entry is written with version 1 any more), then starts. */
    @Override
    public synchronized Run start() {
        if (lastRun().map(Run::running).orElse(false)) {
            return super.start();
        }
        conversion.convertAll();
        return super.start();
    }

    @Override
    public Run run() {
        conversion.convertAll();
        return super.run();
    }

    @Override
    public Run run(int size, int maxBatches) {
        conversion.convertAll();
        return super.run(size, maxBatches);
    }
}
