package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * The names of the Secrets an object refers to, in the ways the suite's manifests refer to them: Kubernetes'
 * {@code secretKeyRef}/{@code secretRef}/{@code secretName}, and the operators' {@code *Secret}, {@code secret}
 * and {@code s3Credentials} references.
 */
final class SecretReferences {

    private SecretReferences() {
    }

    static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                boolean secretKey = key.equals("secret") || key.endsWith("Secret") || key.equals("secretKeyRef")
                        || key.equals("secretRef");
                if (key.equals("secretName") && value.isTextual()) {
                    names.add(value.asText());
                } else if (secretKey && value.isTextual() && !value.asText().startsWith("${")) {
                    names.add(value.asText());
                } else if (secretKey && value.path("name").isTextual()) {
                    names.add(value.path("name").asText());
                } else if (key.equals("s3Credentials")) {
                    value.forEach(reference -> names.add(reference.path("name").asText()));
                }
                collect(value, names);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, names));
        }
    }
}
