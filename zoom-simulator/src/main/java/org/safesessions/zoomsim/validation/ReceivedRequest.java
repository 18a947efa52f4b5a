package org.safesessions.zoomsim.validation;

import java.util.List;
import java.util.Map;

/** A request as it reached the simulator, before anything was made of it. */
public record ReceivedRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body) {

    public String firstHeader(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst()
                .orElse(null);
    }

    public String firstQueryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
