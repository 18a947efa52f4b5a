package org.safesessions.kit.crypto;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A service that names an active key refuses to start unless that key, and every other key listed, can seal and
 * open: without this, a missing or malformed key would only show on the first narrative written, as a 500. The
 * message names the setting and never shows a key. Services without field encryption name no active key.
 */
@ApplicationScoped
public class CryptoKeysCheck {

    void onStart(@Observes StartupEvent event, CryptoConfig config) {
        config.activeKey().ifPresent(active -> verify(config, active));
    }

    static void verify(CryptoConfig config, String active) {
        if (!config.keys().containsKey(active)) {
            throw new IllegalStateException("safesessions.crypto.active-key is '" + active
                    + "' but safesessions.crypto.keys." + active + " is not set");
        }
        new FieldCipher(config.keys(), active); // decodes every key; names the one that is not 32 bytes of base64
    }
}
