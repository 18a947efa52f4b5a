package org.safesessions.zoomsim.state;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Zoom's request types ("Rate Limit Label" on each operation of the Meeting API reference): each has its own
 * per-second limit for the account. The labels below are those the contract gives the operations simulated.
 */
public enum RateLimitCategory {
    LIGHT, MEDIUM, HEAVY;

    private record Operation(String method, Pattern path, RateLimitCategory category) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("POST", Pattern.compile("/v2/users/[^/]+/meetings"), MEDIUM),
            new Operation("GET", Pattern.compile("/v2/users/[^/]+/meetings"), MEDIUM),
            new Operation("GET", Pattern.compile("/v2/meetings/[^/]+"), LIGHT),
            new Operation("PATCH", Pattern.compile("/v2/meetings/[^/]+"), LIGHT),
            new Operation("DELETE", Pattern.compile("/v2/meetings/[^/]+"), LIGHT),
            new Operation("PUT", Pattern.compile("/v2/meetings/[^/]+/status"), LIGHT),
            new Operation("POST", Pattern.compile("/v2/meetings/[^/]+/registrants"), LIGHT),
            new Operation("GET", Pattern.compile("/v2/meetings/[^/]+/registrants"), MEDIUM),
            new Operation("PUT", Pattern.compile("/v2/meetings/[^/]+/registrants/status"), MEDIUM),
            new Operation("GET", Pattern.compile("/v2/users/[^/]+/settings"), MEDIUM),
            new Operation("PATCH", Pattern.compile("/v2/users/[^/]+/settings"), MEDIUM));

    /** The category of a Meeting API request; none for a path the contract does not have (refused anyway). */
    public static Optional<RateLimitCategory> of(String method, String path) {
        return OPERATIONS.stream()
                .filter(o -> o.method.equalsIgnoreCase(method) && o.path.matcher(path).matches())
                .map(Operation::category)
                .findFirst();
    }

    /** As Zoom writes it in {@code X-RateLimit-Category}: {@code Light}, {@code Medium}, {@code Heavy}. */
    public String label() {
        String name = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
