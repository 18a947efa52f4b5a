package org.safesessions.safeguarding.client;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v1:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
