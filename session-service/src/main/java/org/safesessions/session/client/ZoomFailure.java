package org.safesessions.session.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Zoom did not do what was asked. {@code code} is what MeetingProvisioningFailed carries ({@code HTTP_429},
 * {@code HTTP_503}, {@code TIMEOUT}, {@code SETTINGS_NOT_APPLIED}); 429, 5xx, 401 and timeouts are worth retrying.
 */
public class ZoomFailure extends RuntimeException {

    public static final String TIMEOUT = "TIMEOUT";

    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;

    public ZoomFailure(String code, boolean retryable, Duration retryAfter) {
        super(code, null, false, false);
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    static ZoomFailure ofStatus(int status, String retryAfterHeader) {
        boolean retryable = status == 429 || status == 401 || status >= 500;
        return new ZoomFailure("HTTP_" + status, retryable, parseRetryAfter(retryAfterHeader));
    }

    private static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own backoff
        }
    }
}
