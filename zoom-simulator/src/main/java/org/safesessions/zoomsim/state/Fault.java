package org.safesessions.zoomsim.state;

import java.util.regex.Pattern;

/**
 * A planned misbehaviour: requests matching {@code method} and {@code path} (a regex over
 * the whole path, e.g. {@code /v2/users/[^/]+/meetings}) are answered late, or with
 * {@code status}, for the next {@code remaining} matches (negative: until cleared).
 */
public record Fault(
        String id,
        String method,
        String path,
        Integer status,
        Integer retryAfterSeconds,
        long delayMs,
        String message,
        int remaining) {

    public boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (path == null || Pattern.compile(path).matcher(requestPath).matches());
    }

    public boolean answersWithError() {
        return status != null;
    }

    Fault used() {
        return new Fault(id, method, path, status, retryAfterSeconds, delayMs, message,
                remaining < 0 ? remaining : remaining - 1);
    }
}
