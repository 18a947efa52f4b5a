package org.safesessions.kit.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Injecting {@link RequiredSecrets} makes Quarkus validate it at start (a missing one is refused there); this also
 * refuses one that is set but blank, e.g. an empty key in a Secret. Names the setting, never shows a value.
 */
@ApplicationScoped
public class RequiredSecretsCheck {

    void onStart(@Observes StartupEvent event, RequiredSecrets secrets) {
        List<String> blank = blank(secrets.values());
        if (!blank.isEmpty()) {
            throw new IllegalStateException("required secrets are empty: " + String.join(", ", blank));
        }
    }

    static List<String> blank(Map<String, String> values) {
        return new TreeMap<>(values).entrySet().stream()
                .filter(e -> e.getValue() == null || e.getValue().isBlank())
                .map(e -> "safesessions.required-secrets." + e.getKey())
                .toList();
    }
}
