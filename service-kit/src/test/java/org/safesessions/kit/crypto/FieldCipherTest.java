package org.safesessions.kit.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldCipherTest {

    private static final String K1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String K2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @Test
    void sealedTextOpensWithItsAssociatedDataAndHoldsNoPlaintext() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        Sealed sealed = cipher.seal("She said her stepdad hurt her", "row-1");
        assertEquals("k1", sealed.keyId());
        assertFalse(new String(sealed.cipherText(), StandardCharsets.ISO_8859_1).contains("stepdad"));
        assertEquals("She said her stepdad hurt her", cipher.open(sealed, "row-1"));
    }

    @Test
    void sameTextSealsDifferentlyEachTime() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        assertNotEquals(new String(cipher.seal("x", "a").cipherText(), StandardCharsets.ISO_8859_1),
                new String(cipher.seal("x", "a").cipherText(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void alteredCipherTextOrOtherRowIsRefused() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        Sealed sealed = cipher.seal("text", "row-1");
        assertThrows(FieldCipher.TamperedCipherTextException.class, () -> cipher.open(sealed, "row-2"));
        byte[] altered = sealed.cipherText().clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(FieldCipher.TamperedCipherTextException.class, () -> cipher.open(new Sealed("k1", altered), "row-1"));
        assertThrows(FieldCipher.TamperedCipherTextException.class, () -> cipher.open(new Sealed("k1", new byte[3]), "row-1"));
    }

    @Test
    void keysRotateOldTextStillOpensAndIsMarkedForResealing() {
        Sealed old = new FieldCipher(Map.of("k1", K1), "k1").seal("text", "row");
        FieldCipher rotated = new FieldCipher(Map.of("k1", K1, "k2", K2), "k2");
        assertEquals("text", rotated.open(old, "row"));
        assertTrue(rotated.needsResealing(old));
        Sealed fresh = rotated.seal("text", "row");
        assertEquals("k2", fresh.keyId());
        assertFalse(rotated.needsResealing(fresh));
        assertThrows(FieldCipher.TamperedCipherTextException.class,
                () -> rotated.open(new Sealed("k2", old.cipherText()), "row"));
    }

    @Test
    void misconfiguredKeysAreNamed() {
        IllegalStateException shortKey = assertThrows(IllegalStateException.class,
                () -> new FieldCipher(Map.of("k1", "c2hvcnQ="), "k1"));
        assertTrue(shortKey.getMessage().contains("32 bytes"));
        IllegalStateException noActive = assertThrows(IllegalStateException.class,
                () -> new FieldCipher(Map.of("k1", K1), "k9").seal("x", "a"));
        assertTrue(noActive.getMessage().contains("active-key"));
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> new FieldCipher(Map.of("k1", K1), "k1").open(new Sealed("k7", new byte[40]), "a"));
        assertTrue(unknown.getMessage().contains("k7"));
    }
}
