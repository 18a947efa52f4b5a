package org.safesessions.safeguarding.client;

import org.safesessions.kit.crypto.Hmac;

/**
 * How a council checks that a push came from us: {@code X-SafeSessions-Signature: v1=<hex HMAC-SHA256(secret,
 * "v1:" + X-SafeSessions-Timestamp + ":" + body)>}. The timestamp is in the signed text so a council can refuse
 * old replays.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-SafeSessions-Signature";
    public static final String TIMESTAMP_HEADER = "X-SafeSessions-Timestamp";
    public static final String DELIVERY_HEADER = "X-SafeSessions-Delivery";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        return "v1=" + Hmac.sha256Hex(secret, "v1:" + timestamp + ":" + body);
    }
}
