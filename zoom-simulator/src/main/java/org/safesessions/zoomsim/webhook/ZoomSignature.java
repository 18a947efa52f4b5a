package org.safesessions.zoomsim.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Zoom's webhook signing, keyed by the app's secret token. */
public final class ZoomSignature {

    private ZoomSignature() {
    }

    /** {@code x-zm-signature}: {@code v0=} + hex HMAC-SHA256 of {@code v0:{timestamp}:{raw body}}. */
    public static String of(String secret, long timestampSeconds, String rawBody) {
        return "v0=" + hmacHex(secret, "v0:" + timestampSeconds + ":" + rawBody);
    }

    /** The {@code encryptedToken} a receiver must answer to an {@code endpoint.url_validation}. */
    public static String encryptedToken(String secret, String plainToken) {
        return hmacHex(secret, plainToken);
    }

    private static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
