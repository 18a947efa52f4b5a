package org.safesessions.k8scheck.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.safesessions.k8scheck.Manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * No secret value in the repository: Secrets are created by ops (k8s/README.md lists them) and only referenced
 * here. Refused: any Secret object; a ConfigMap key or a literal environment variable whose name says it holds a
 * secret; a value carrying a password or a private key; a realm import with a literal client secret (they come
 * from Secrets through placeholders) or with people's credentials (only the dev overlay's demo people, whose
 * password is their user name by the local convention of SPEC §9, may have them).
 */
public final class SecretRules {

    /** Name parts that mark a setting as secret (split on '_', '.', '-'). */
    private static final Set<String> SECRET_WORDS =
            Set.of("PASSWORD", "PASSWD", "PWD", "SECRET", "SECRETS", "KEY", "KEYS", "PRIVATE", "CREDENTIALS");
    private static final Pattern SECRET_IN_VALUE = Pattern.compile(
            "(?i)(password=|passwd=|secret=|-----BEGIN [A-Z ]*PRIVATE KEY|://[^/@\\s:]+:[^/@\\s]+@)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");

    private SecretRules() {
    }

    public static List<String> violations(List<? extends JsonNode> objects, boolean demoPeopleAllowed) {
        List<String> violations = new ArrayList<>();
        for (JsonNode object : objects) {
            String id = Manifests.id(object);
            switch (Manifests.kind(object)) {
                case "Secret" -> violations.add(id + ": a Secret in the repository; ops create Secrets "
                        + "(k8s/README.md), manifests only reference them");
                case "ConfigMap" -> object.path("data").fields().forEachRemaining(entry -> {
                    if (secretName(entry.getKey())) {
                        violations.add(id + ": key " + entry.getKey() + " names a secret; use a Secret reference");
                    }
                });
                case "KeycloakRealmImport" -> realm(id, object.path("spec").path("realm"), demoPeopleAllowed,
                        violations);
                default -> {
                }
            }
            literalEnvironment(id, object, violations);
            secretLookingValues(id, object, "", violations);
        }
        return violations;
    }

    static boolean secretName(String name) {
        for (String word : name.toUpperCase().split("[_.\\-]")) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code env: [{name: X_PASSWORD, value: ...}]} anywhere (containers of any kind). */
    private static void literalEnvironment(String id, JsonNode node, List<String> violations) {
        if (node.isObject()) {
            if (node.has("name") && node.path("value").isValueNode() && node.size() == 2
                    && secretName(node.path("name").asText())) {
                violations.add(id + ": environment variable " + node.path("name").asText()
                        + " has a literal value; take it from a Secret (valueFrom.secretKeyRef)");
            }
            node.elements().forEachRemaining(child -> literalEnvironment(id, child, violations));
        } else if (node.isArray()) {
            node.forEach(child -> literalEnvironment(id, child, violations));
        }
    }

    private static void secretLookingValues(String id, JsonNode node, String path, List<String> violations) {
        if (node.isTextual() && SECRET_IN_VALUE.matcher(node.asText()).find()) {
            violations.add(id + ": the value at " + path + " carries a password or key");
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> secretLookingValues(id, f.getValue(), path + "/" + f.getKey(),
                    violations));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                secretLookingValues(id, node.get(i), path + "/" + i, violations);
            }
        }
    }

    private static void realm(String id, JsonNode realm, boolean demoPeopleAllowed, List<String> violations) {
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret") && !PLACEHOLDER.matcher(client.path("secret").asText()).matches()) {
                violations.add(id + ": client " + client.path("clientId").asText()
                        + " has a literal secret; use a placeholder filled from a Secret");
            }
        }
        for (JsonNode user : realm.path("users")) {
            String userName = user.path("username").asText();
            for (JsonNode credential : user.path("credentials")) {
                boolean demo = credential.path("value").asText().equals(userName);
                if (!demoPeopleAllowed) {
                    violations.add(id + ": user " + userName + " has a credential in the realm import");
                } else if (!demo) {
                    violations.add(id + ": user " + userName + " has a credential that is not the demo one");
                }
            }
        }
    }
}
