package org.safesessions.kit.crypto;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CryptoKeysCheckTest {

    private static final String K1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void anActiveKeyThatIsNotListedStopsTheStartNamingTheMissingSetting() {
        var e = assertThrows(IllegalStateException.class,
                () -> CryptoKeysCheck.verify(config("k2", Map.of("k1", K1)), "k2"));
        assertEquals("safesessions.crypto.active-key is 'k2' but safesessions.crypto.keys.k2 is not set", e.getMessage());
    }

    @Test
    void aMalformedKeyStopsTheStartNamingItWithoutShowingIt() {
        var e = assertThrows(IllegalStateException.class,
                () -> CryptoKeysCheck.verify(config("k1", Map.of("k1", K1, "old", "c2hvcnQ=")), "k1"));
        assertEquals("safesessions.crypto.keys.old must be 32 bytes (AES-256), is 5", e.getMessage());
        assertFalse(e.getMessage().contains("c2hvcnQ="));
    }

    @Test
    void listedWellFormedKeysPass() {
        assertDoesNotThrow(() -> CryptoKeysCheck.verify(config("k1", Map.of("k1", K1)), "k1"));
    }

    private static CryptoConfig config(String active, Map<String, String> keys) {
        return new CryptoConfig() {
            @Override
            public Optional<String> activeKey() {
                return Optional.of(active);
            }

            @Override
            public Map<String, String> keys() {
                return keys;
            }
        };
    }
}
