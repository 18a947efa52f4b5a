package org.safesessions.session.client;

import org.safesessions.kit.crypto.Hmac;

import java.time.Duration;
import java.time.Instant;

/**
 * Zoom's webhook signature: {@code x-zm-signature = v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"))}, with
 * {@code x-zm-request-timestamp} in epoch seconds no further than five minutes from now (a replay defence).
 */
public final class WebhookSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    public static String sign(String secret, String timestamp, String body) {
        return "v0=" + Hmac.sha256Hex(secret, "v0:" + timestamp + ":" + body);
    }

    /** Whether the headers are present, fresh and sign this exact body. */
    public static boolean valid(String secret, String signature, String timestamp, String body, Instant now) {
        if (signature == null || timestamp == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        return Hmac.matches(sign(secret, timestamp, body), signature);
    }

    /** The answer to {@code endpoint.url_validation}: hex HMAC-SHA256(secret, plainToken). */
    public static String encryptedToken(String secret, String plainToken) {
        return Hmac.sha256Hex(secret, plainToken);
    }

}
