package org.safesessions.kit.crypto;

import io.smallrye.config.ConfigMapping;

import java.util.Map;
import java.util.Optional;

/**
 * Keys for {@link FieldCipher}. {@code safesessions.crypto.keys.<id>} holds each key as base64 of 32 random bytes
 * ({@code openssl rand -base64 32}); {@code safesessions.crypto.active-key} names the one new data is sealed with.
 * Old keys stay listed until everything sealed with them has been re-sealed, so keys can rotate.
 */
@ConfigMapping(prefix = "safesessions.crypto")
public interface CryptoConfig {

    /** The id of the key that seals new data. */
    Optional<String> activeKey();

    /** Every key still needed to open stored data, by id. */
    Map<String, String> keys();
}
