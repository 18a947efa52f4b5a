package org.safesessions.kit.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticated encryption (AES-256-GCM) of sensitive text at rest: safeguarding narratives, chronology texts,
 * meeting passcodes and join links. The associated data binds a cipher text to its row (pass the row's id), so a
 * cipher text copied into another row does not open. Keys come from {@link CryptoConfig}; each {@link Sealed}
 * carries its key id, so data sealed before a rotation still opens, and {@link #needsResealing} finds it.
 */
@ApplicationScoped
public class FieldCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys;
    private final String activeKey;

    @Inject
    public FieldCipher(CryptoConfig config) {
        this(config.keys(), config.activeKey().orElse(null));
    }

    /** For tests and tools: keys by id as base64, and the active key id. */
    public FieldCipher(Map<String, String> base64Keys, String activeKey) {
        this.keys = base64Keys.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> key(e.getKey(), e.getValue())));
        this.activeKey = activeKey;
    }

    public Sealed seal(String plaintext, String associatedData) {
        String keyId = activeKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(keyId, associatedData));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyId, ByteBuffer.allocate(NONCE_BYTES + body.length).put(nonce).put(body).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** Opens sealed text; a cipher text that was altered, or belongs to other associated data, is refused. */
    public String open(Sealed sealed, String associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key with id " + sealed.keyId() + " is configured (safesessions.crypto.keys)");
        }
        byte[] all = sealed.cipherText();
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedCipherTextException();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(aad(sealed.keyId(), associatedData));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TamperedCipherTextException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("opening failed", e);
        }
    }

    /** Whether this was sealed with a key other than the active one (re-seal it after a rotation). */
    public boolean needsResealing(Sealed sealed) {
        return !sealed.keyId().equals(activeKeyId());
    }

    /** The ids of every configured key (never the keys). */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** The active key's id, when one is configured (services without sealed data have none). */
    public Optional<String> activeKeyIdIfAny() {
        return activeKey != null && keys.containsKey(activeKey) ? Optional.of(activeKey) : Optional.empty();
    }

    public String activeKeyId() {
        if (activeKey == null || !keys.containsKey(activeKey)) {
            throw new IllegalStateException("safesessions.crypto.active-key must name one of safesessions.crypto.keys");
        }
        return activeKey;
    }

    private static byte[] aad(String keyId, String associatedData) {
        return (keyId + "\u0000" + (associatedData == null ? "" : associatedData)).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("safesessions.crypto.keys." + id + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("safesessions.crypto.keys." + id + " must be 32 bytes (AES-256), is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The cipher text was changed, or does not belong to the row it was read from. */
    public static class TamperedCipherTextException extends RuntimeException {
        public TamperedCipherTextException() {
            super("sealed text failed authentication", null, false, false);
        }
    }
}
