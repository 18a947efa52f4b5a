package org.safesessions.k8scheck.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * No key, password or client secret in a setting a packaged service runs with: in an {@code application.properties}
 * (or service-kit's shared defaults), a line that is unprofiled or {@code %prod.} and whose name says it holds a
 * secret (the words of {@link SecretRules}) must be exactly one environment variable without a default,
 * {@code ${SOME_VARIABLE}}, or a reference to another setting {@code ${some.setting}} (an empty default,
 * {@code ${SOME_VARIABLE:}}, holds no secret either: a setting only some services need); a value carrying a password
 * (a JDBC URL with {@code password=}, credentials in a URL) is refused on any such line. {@code %dev.} and
 * {@code %test.} lines may keep demo values. (De)serialiser class names ({@code key.deserializer}) are not secrets.
 */
public final class PropertySecretRules {

    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{[A-Za-z0-9_.\\-]+:?}");
    private static final Pattern SECRET_IN_VALUE =
            Pattern.compile("(?i)(password=|passwd=|secret=|-----BEGIN [A-Z ]*PRIVATE KEY|://[^/@\\s:$]+:[^/@\\s]+@)");

    private PropertySecretRules() {
    }

    /** Violations in one properties file, each naming the file (relative to {@code repository}) and the key. */
    public static List<String> violations(Path repository, Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String where = repository.relativize(file).toString();
        List<String> violations = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            String value = properties.getProperty(key).trim();
            String name = key.startsWith("%prod.") ? key.substring("%prod.".length()) : key;
            if (SecretRules.secretName(name) && !name.endsWith("serializer") && !FROM_ENVIRONMENT.matcher(value).matches()) {
                violations.add(where + ": " + key + " is a secret with a value in the file; in prod take it from the "
                        + "environment with no default, ${" + ConfigKeyRules.environmentName(name) + "}");
            } else if (SECRET_IN_VALUE.matcher(value).find()) {
                violations.add(where + ": " + key + " carries a password or key in its value");
            }
        }
        return violations;
    }

    /** Every service's {@code application.properties} and service-kit's shared defaults. */
    public static List<Path> serviceProperties(Path repository, List<String> services) {
        List<Path> files = new ArrayList<>();
        for (String service : services) {
            files.add(repository.resolve(service).resolve("src/main/resources/application.properties"));
        }
        files.add(repository.resolve(ConfigKeyRules.SHARED_DEFAULTS));
        return files;
    }
}
