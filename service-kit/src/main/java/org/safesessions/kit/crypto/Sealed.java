package org.safesessions.kit.crypto;

import java.util.Objects;

/**
 * Text sealed by {@link FieldCipher}: the id of the key that sealed it, stored beside the cipher text (nonce,
 * cipher text and authentication tag in one array).
 */
public record Sealed(String keyId, byte[] cipherText) {

    public Sealed {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(cipherText, "cipherText");
    }
}
