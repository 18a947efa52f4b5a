package org.safesessions.session.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Zoom did not do what was asked. {@code code} is what MeetingProvisioningFailed carries ({@code HTTP_429},
 * {@code HTTP_503}, {@code TIMEOUT}, {@code SETTINGS_NOT_APPLIED}); 429, 5xx, 401 and timeouts are worth retrying.
 */
public class ZoomFailure extends RuntimeException {

    public static final String TIMEOUT = "TIMEOUT";
    public static final String SETTINGS_NOT_APPLIED = "SETTINGS_NOT_APPLIED";
    /** A host's 100 meetings created or updated in a UTC day are used up (429 with X-RateLimit-Type Daily-limit). */
    public static final String HOST_DAILY_LIMIT = "HOST_DAILY_LIMIT";

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

    /** A 429 for the account's per-second rate (not a daily limit): wait its Retry-After, it is no failure. */
    public boolean perSecondRateLimit() {
        return code.equals("HTTP_429");
    }

    static ZoomFailure ofStatus(int status, String retryAfterHeader, String rateLimitType) {
        if (status == 429 && "Daily-limit".equalsIgnoreCase(rateLimitType)) {
            return new ZoomFailure(HOST_DAILY_LIMIT, true, parseRetryAfter(retryAfterHeader));
        }
        boolean retryable = status == 429 || status == 401 || status >= 500;
        return new ZoomFailure("HTTP_" + status, retryable, parseRetryAfter(retryAfterHeader));
    }

    /** Seconds, or an instant (Zoom's daily limits give the time they reset); anything else: our own backoff. */
    private static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(java.time.Instant.now(), java.time.Instant.parse(header.trim()));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (java.time.format.DateTimeParseException notAnInstant) {
                return null;
            }
        }
    }
}
