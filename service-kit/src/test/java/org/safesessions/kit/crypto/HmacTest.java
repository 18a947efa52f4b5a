package org.safesessions.kit.crypto;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacTest {

    @Test
    void sha256HexIsRfc4231TestCaseTwo() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Hmac.sha256Hex("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void aSignatureMatchesOnlyItself() {
        String expected = Hmac.sha256Hex("secret", "body");
        assertTrue(Hmac.matches(expected, expected));
        assertFalse(Hmac.matches(expected, Hmac.sha256Hex("secret", "body ")));
        assertFalse(Hmac.matches(expected, expected.toUpperCase()));
        assertFalse(Hmac.matches(expected, null));
        assertFalse(Hmac.matches(null, expected));
    }
}
