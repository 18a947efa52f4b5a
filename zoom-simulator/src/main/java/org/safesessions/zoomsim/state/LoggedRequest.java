package org.safesessions.zoomsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One request the simulated Zoom received, the status it answered and its rate-limit category (Meeting API only). */
public record LoggedRequest(
        long sequence,
        Instant time,
        String method,
        String path,
        Map<String, List<String>> query,
        String body,
        int status,
        RateLimitCategory category) {
}
