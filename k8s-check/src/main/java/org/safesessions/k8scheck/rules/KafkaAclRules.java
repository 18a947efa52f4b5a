package org.safesessions.k8scheck.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.safesessions.k8scheck.Manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Each service may write only its own topic and read only the topics it consumes (SPEC §7), and the cluster enforces
 * it: the Kafka cluster requires a SCRAM-SHA-512 login on every listener and authorises with simple ACLs, each
 * service logs in as its own KafkaUser, and that user's ACLs are exactly what the service uses, as its
 * {@code application.properties} say at test time: {@code Write} on {@code safesessions.outbox.topic} (or an
 * outgoing channel's topic); {@code Read} on each incoming channel's topic ({@code mp.messaging.incoming.<channel>.topic},
 * else the channel name) and on its consumer group ({@code ...group.id}, else {@code kafka.group.id}, else the
 * application name). Incoming channels are also read from the {@code @Incoming} annotations in the source, so a
 * channel without properties still counts. A permission the service does not use, or one it lacks, is refused.
 */
public final class KafkaAclRules {

    private static final Pattern INCOMING = Pattern.compile("@Incoming\\(\\s*\"([^\"]+)\"\\s*\\)");
    /** {@code @Outgoing}, and {@code @Channel} on an Emitter (the suite injects no incoming stream by @Channel). */
    /** {@code @Outgoing}, and {@code @Channel} on an Emitter (the suite injects no incoming stream by @Channel). */
    private static final Pattern OUTGOING = Pattern.compile("@(?:Outgoing|Channel)\\(\\s*\"([^\"]+)\"\\s*\\)");

    private KafkaAclRules() {
    }

    /** One permission: an operation on a literal topic or group. */
    public record Permission(String resourceType, String name, String operation) implements Comparable<Permission> {
        @Override
        public int compareTo(Permission other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return operation + " on " + resourceType + " " + name;
        }
    }

    public static List<String> violations(List<? extends JsonNode> objects, Path repository) {
        List<String> violations = new ArrayList<>();
        for (JsonNode kafka : ofKind(objects, "Kafka")) {
            cluster(kafka, violations);
        }
        Map<String, JsonNode> users = new TreeMap<>();
        for (JsonNode user : ofKind(objects, "KafkaUser")) {
            users.put(user.path("metadata").path("name").asText(), user);
        }
        for (JsonNode deployment : ofKind(objects, "Deployment")) {
            String service = deployment.path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            Path module = repository.resolve(service);
            if (service.isEmpty() || !Files.isRegularFile(properties(module))) {
                continue;
            }
            Set<Permission> used = permissionsUsed(module);
            JsonNode user = users.remove(service);
            if (user == null) {
                if (!used.isEmpty()) {
                    violations.add(Manifests.id(deployment) + ": uses Kafka (" + used + ") but there is no KafkaUser/"
                            + service);
                }
                continue;
            }
            user(user, service, used, violations);
            login(deployment, service, objects, violations);
        }
        users.forEach((name, user) -> violations.add(Manifests.id(user) + ": no service of that name uses Kafka"));
        return violations;
    }

    private static void cluster(JsonNode kafka, List<String> violations) {
        String id = Manifests.id(kafka);
        if (!kafka.at("/spec/kafka/authorization/type").asText().equals("simple")) {
            violations.add(id + ": needs authorization type simple, so that the KafkaUsers' ACLs apply");
        }
        if (kafka.at("/spec/entityOperator/userOperator").isMissingNode()) {
            violations.add(id + ": needs the entity operator's userOperator, which turns KafkaUsers into logins");
        }
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if (!listener.at("/authentication/type").asText().equals("scram-sha-512")) {
                violations.add(id + ": listener " + listener.path("name").asText()
                        + " must require authentication type scram-sha-512");
            }
        }
    }

    private static void user(JsonNode user, String service, Set<Permission> used, List<String> violations) {
        String id = Manifests.id(user);
        JsonNode spec = user.path("spec");
        if (!spec.at("/authentication/type").asText().equals("scram-sha-512")) {
            violations.add(id + ": authentication type must be scram-sha-512");
        }
        if (!spec.at("/authorization/type").asText().equals("simple")) {
            violations.add(id + ": authorization type must be simple");
        }
        Set<Permission> granted = new TreeSet<>();
        for (JsonNode acl : spec.at("/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            String type = resource.path("type").asText();
            String name = resource.path("name").asText();
            if (acl.path("type").asText("allow").equals("deny")) {
                continue;
            }
            if (resource.path("patternType").asText("literal").equals("prefix") || name.equals("*")
                    || !(type.equals("topic") || type.equals("group"))) {
                violations.add(id + ": allows " + acl.path("operations") + " on " + type + " "
                        + (name.isEmpty() ? "(any)" : name) + " by pattern or beyond topics and groups; "
                        + "grant literal topics and groups only");
                continue;
            }
            for (JsonNode operation : acl.path("operations")) {
                granted.add(new Permission(type, name, operation.asText()));
            }
        }
        for (Permission permission : granted) {
            if (!used.contains(permission)) {
                violations.add(id + ": allows " + permission + ", which " + service + " does not use");
            }
        }
        for (Permission permission : used) {
            if (!granted.contains(permission)) {
                violations.add(id + ": lacks " + permission + ", which " + service + " uses");
            }
        }
    }

    /** The Deployment logs in as its KafkaUser: SASL over SCRAM-SHA-512 with the jaas line from the user's Secret. */
    private static void login(JsonNode deployment, String service, List<? extends JsonNode> objects,
                              List<String> violations) {
        String id = Manifests.id(deployment);
        Map<String, String> settings = new TreeMap<>();
        boolean jaasFromUserSecret = false;
        for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
            for (JsonNode from : container.path("envFrom")) {
                String configMap = from.at("/configMapRef/name").asText();
                for (JsonNode object : ofKind(objects, "ConfigMap")) {
                    if (object.path("metadata").path("name").asText().equals(configMap)) {
                        object.path("data").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
                    }
                }
            }
            for (JsonNode variable : container.path("env")) {
                String name = variable.path("name").asText();
                if (variable.has("value")) {
                    settings.put(name, variable.path("value").asText());
                }
                JsonNode reference = variable.at("/valueFrom/secretKeyRef");
                if (name.equals("KAFKA_SASL_JAAS_CONFIG") && reference.path("name").asText().equals(service)
                        && reference.path("key").asText().equals("sasl.jaas.config")) {
                    jaasFromUserSecret = true;
                }
            }
        }
        if (!"SASL_PLAINTEXT".equals(settings.get("KAFKA_SECURITY_PROTOCOL"))
                && !"SASL_SSL".equals(settings.get("KAFKA_SECURITY_PROTOCOL"))) {
            violations.add(id + ": KAFKA_SECURITY_PROTOCOL must be SASL_PLAINTEXT or SASL_SSL");
        }
        if (!"SCRAM-SHA-512".equals(settings.get("KAFKA_SASL_MECHANISM"))) {
            violations.add(id + ": KAFKA_SASL_MECHANISM must be SCRAM-SHA-512");
        }
        if (!jaasFromUserSecret) {
            violations.add(id + ": KAFKA_SASL_JAAS_CONFIG must come from Secret " + service
                    + " key sasl.jaas.config (written by Strimzi for KafkaUser/" + service + ")");
        }
    }

    /** What the service at {@code module} does with Kafka, from its properties and its {@code @Incoming} channels. */
    public static Set<Permission> permissionsUsed(Path module) {
        Properties properties = prodView(properties(module));
        String application = properties.getProperty("quarkus.application.name", module.getFileName().toString());
        Set<String> incoming = new TreeSet<>();
        Set<String> outgoing = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            channel(key, "mp.messaging.incoming.").ifPresent(incoming::add);
            channel(key, "mp.messaging.outgoing.").ifPresent(outgoing::add);
        }
        incoming.addAll(annotated(module, INCOMING));
        outgoing.addAll(annotated(module, OUTGOING));

        Set<Permission> used = new TreeSet<>();
        String outboxTopic = properties.getProperty("safesessions.outbox.topic");
        if (outboxTopic != null) {
            used.add(new Permission("topic", outboxTopic, "Write"));
        }
        for (String channel : outgoing) {
            used.add(new Permission("topic",
                    properties.getProperty("mp.messaging.outgoing." + channel + ".topic", channel), "Write"));
        }
        for (String channel : incoming) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            used.add(new Permission("topic", properties.getProperty(prefix + "topic", channel), "Read"));
            used.add(new Permission("group", properties.getProperty(prefix + "group.id",
                    properties.getProperty("kafka.group.id", application)), "Read"));
        }
        return used;
    }

    private static Optional<String> channel(String key, String prefix) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = key.substring(prefix.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static Set<String> annotated(Path module, Pattern annotation) {
        Set<String> channels = new TreeSet<>();
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return channels;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = annotation.matcher(Files.readString(file));
                while (matcher.find()) {
                    channels.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sources, e);
        }
        return channels;
    }

    static Path properties(Path module) {
        return module.resolve("src/main/resources/application.properties");
    }

    /** The properties as the prod profile sees them: unprofiled ones, overridden by {@code %prod.} ones. */
    static Properties prodView(Path file) {
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Properties view = new Properties();
        raw.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> view.put(k, raw.get(k)));
        raw.stringPropertyNames().stream().filter(k -> k.startsWith("%prod."))
                .forEach(k -> view.put(k.substring("%prod.".length()), raw.get(k)));
        return view;
    }

    private static List<JsonNode> ofKind(List<? extends JsonNode> objects, String kind) {
        return objects.stream().filter(o -> Manifests.kind(o).equals(kind)).map(o -> (JsonNode) o).toList();
    }
}
