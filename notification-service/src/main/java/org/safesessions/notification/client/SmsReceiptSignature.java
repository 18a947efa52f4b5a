package org.safesessions.notification.client;

import org.safesessions.kit.crypto.Hmac;

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
        return "sha256=" + Hmac.sha256Hex(secret, body);
    }

    /** Whether a secret is set and the signature signs this exact body with it. */
    public static boolean valid(String secret, String signature, String body) {
        if (secret == null || secret.isBlank() || signature == null || body == null) {
            return false;
        }
        return Hmac.matches(sign(secret, body), signature.strip());
    }
}
