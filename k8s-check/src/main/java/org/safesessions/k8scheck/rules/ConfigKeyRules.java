package org.safesessions.k8scheck.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.safesessions.k8scheck.Manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Every setting a service's ConfigMap (or a literal {@code env} entry of its Deployment) gives is the environment
 * form of a property the service really reads: one in its {@code application.properties} or in the shared defaults
 * of service-kit ({@code META-INF/microprofile-config.properties}), as they are in the tree at test time. A typo or a
 * renamed property would otherwise be ignored silently by Quarkus and the service would run on its local default.
 * The environment form is MicroProfile Config's: upper case, every other character than a letter or digit '_'.
 */
public final class ConfigKeyRules {

    static final String SHARED_DEFAULTS = "service-kit/src/main/resources/META-INF/microprofile-config.properties";

    private ConfigKeyRules() {
    }

    public static List<String> violations(List<? extends JsonNode> objects, Path repository) {
        List<String> violations = new ArrayList<>();
        for (JsonNode object : objects) {
            String service = object.path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            Path properties = repository.resolve(service).resolve("src/main/resources/application.properties");
            if (service.isEmpty() || !Files.isRegularFile(properties)) {
                continue;
            }
            Set<String> known = environmentNames(properties, repository.resolve(SHARED_DEFAULTS));
            String id = Manifests.id(object);
            if (Manifests.kind(object).equals("ConfigMap")) {
                object.path("data").fieldNames().forEachRemaining(key -> {
                    if (!known.contains(key)) {
                        violations.add(id + ": " + key + " is not a property of " + service
                                + " (application.properties or service-kit's defaults)");
                    }
                });
            } else if (Manifests.kind(object).equals("Deployment")) {
                for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
                    for (JsonNode variable : container.path("env")) {
                        String name = variable.path("name").asText();
                        if (variable.has("value") && !known.contains(name)) {
                            violations.add(id + ": env " + name + " is not a property of " + service);
                        }
                    }
                }
            }
        }
        return violations;
    }

    /** The environment names of every property in these files, whatever its profile. */
    public static Set<String> environmentNames(Path... files) {
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (String key : properties.stringPropertyNames()) {
                String withoutProfile = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                names.add(environmentName(withoutProfile));
            }
        }
        return names;
    }

    public static String environmentName(String property) {
        StringBuilder name = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
