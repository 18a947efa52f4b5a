package org.safesessions.notification.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the SMS gateway proves a delivery receipt is its own: {@code X-Sms-Signature: sha256=<hex HMAC-SHA256(secret,
 * raw body)>}, the secret shared with the gateway ({@code notification.sms.http.receipt-secret}). Compared in constant
 * time. A receipt only moves a message the gateway was given to DELIVERED or FAILED, once, so a replayed one changes
 * nothing and needs no timestamp.
 */
public final class SmsReceiptSignature {

    public static final String HEADER = "X-Sms-Signature";

    private SmsReceiptSignature() {
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Whether a secret is set and the signature signs this exact body with it. */
    public static boolean valid(String secret, String signature, String body) {
        if (secret == null || secret.isBlank() || signature == null || body == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8));
    }
}
