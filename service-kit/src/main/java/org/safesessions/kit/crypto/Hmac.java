package org.safesessions.kit.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 as the signatures the services check and make use it: Zoom's webhooks, the SMS gateway's receipts,
 * the referrals pushed to councils. Each scheme keeps its own header and signed text (they are other parties'
 * contracts); the digest and the comparison are written once, here. Compare with {@link #matches}, in constant time.
 */
public final class Hmac {

    private Hmac() {
    }

    /** Lower-case hex of HMAC-SHA256 over the UTF-8 text, keyed with the UTF-8 secret. */
    public static String sha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Whether a signature received equals the one expected, compared in constant time; a missing one never does. */
    public static boolean matches(String expected, String received) {
        return expected != null && received != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }
}
