package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safesessions.events.Topic;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.k8scheck.Objects.ofKind;
import static org.safesessions.k8scheck.Objects.one;
import static org.safesessions.k8scheck.Objects.texts;

/** Both overlays, rendered as ops render them, hold what the issue promises and pass every check. */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectMatchesItsSchemaAndTheSuiteRules(String overlay) {
        List<ObjectNode> objects = Repository.overlay(overlay);

        List<String> violations = ManifestValidation.violations(objects, Repository.ROOT, overlay.equals("dev"));

        assertEquals(List.of(), violations, "k8s/overlays/" + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsWholeSetOfObjects(String overlay) {
        List<ObjectNode> objects = Repository.overlay(overlay);

        for (String service : Repository.SERVICES) {
            for (String kind : List.of("ServiceAccount", "ConfigMap", "Deployment", "Service",
                    "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy")) {
                String name = kind.equals("ConfigMap") ? service + "-config" : service;
                assertEquals("safesessions", one(objects, kind, name).path("metadata").path("namespace").asText());
            }
        }
    }

    @Test
    void prodRunsTwoReplicasOfEachServiceSpreadOverNodesAndZones() {
        List<ObjectNode> objects = Repository.overlay("prod");

        for (String service : Repository.SERVICES) {
            JsonNode deployment = one(objects, "Deployment", service);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertEquals(2, deployment.path("spec").path("replicas").asInt(), service);
            assertEquals(2, one(objects, "HorizontalPodAutoscaler", service).path("spec").path("minReplicas").asInt());
            JsonNode antiAffinity = pod.at("/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0");
            assertEquals("kubernetes.io/hostname", antiAffinity.at("/podAffinityTerm/topologyKey").asText(), service);
            assertEquals(service, antiAffinity.at("/podAffinityTerm/labelSelector/matchLabels/app.kubernetes.io~1name")
                    .asText());
            JsonNode nodeSpread = pod.at("/topologySpreadConstraints/0");
            assertEquals("kubernetes.io/hostname", nodeSpread.path("topologyKey").asText(), service);
            assertEquals("DoNotSchedule", nodeSpread.path("whenUnsatisfiable").asText(), service);
            assertEquals(1, nodeSpread.path("maxSkew").asInt(), service);
            assertEquals(service, nodeSpread.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText());
            assertEquals("topology.kubernetes.io/zone", pod.at("/topologySpreadConstraints/1/topologyKey").asText());
            assertEquals(image(service) + ":0.1.0", pod.path("containers").get(0).path("image").asText());
        }
    }

    @Test
    void prodInfrastructureIsReplicatedAcrossNodes() {
        List<ObjectNode> objects = Repository.overlay("prod");

        JsonNode nodePool = one(objects, "KafkaNodePool", "dual-role").path("spec");
        assertEquals(3, nodePool.path("replicas").asInt());
        assertEquals(List.of("controller", "broker"), texts(nodePool.path("roles")));
        assertFalse(nodePool.at("/template/pod/affinity/podAntiAffinity").isMissingNode());
        JsonNode postgres = one(objects, "Cluster", "postgres").path("spec");
        assertEquals(3, postgres.path("instances").asInt());
        assertEquals("required", postgres.path("affinity").path("podAntiAffinityType").asText());
        JsonNode keycloak = one(objects, "Keycloak", "keycloak").path("spec");
        assertEquals(2, keycloak.path("instances").asInt());
        assertFalse(keycloak.at("/scheduling/affinity/podAntiAffinity").isMissingNode());
    }

    @Test
    void devRunsOneReplicaOfEverythingWithSmallResources() {
        List<ObjectNode> objects = Repository.overlay("dev");

        for (String service : Repository.SERVICES) {
            JsonNode deployment = one(objects, "Deployment", service);
            assertEquals(1, deployment.path("spec").path("replicas").asInt(), service);
            assertEquals(1, one(objects, "HorizontalPodAutoscaler", service).path("spec").path("minReplicas").asInt());
            assertEquals("448Mi", deployment.at("/spec/template/spec/containers/0/resources/limits/memory").asText());
        }
        assertEquals(1, one(objects, "KafkaNodePool", "dual-role").path("spec").path("replicas").asInt());
        assertEquals(1, one(objects, "Cluster", "postgres").path("spec").path("instances").asInt());
        assertEquals(1, one(objects, "Keycloak", "keycloak").path("spec").path("instances").asInt());
        ofKind(objects, "KafkaTopic").forEach(topic -> assertEquals(1, topic.path("spec").path("replicas").asInt()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaRunsInKraftModeWithTheThreeEventTopics(String overlay) {
        List<ObjectNode> objects = Repository.overlay(overlay);

        assertTrue(one(objects, "Kafka", "events").path("spec").path("zookeeper").isMissingNode());
        Set<String> topics = new TreeSet<>();
        for (JsonNode topic : ofKind(objects, "KafkaTopic")) {
            topics.add(Manifests.name(topic));
            assertEquals("events", topic.at("/metadata/labels/strimzi.io~1cluster").asText());
            assertTrue(topic.at("/spec/config/retention.ms").asLong() >= 7L * 24 * 3600 * 1000);
            if (overlay.equals("prod")) {
                assertEquals(3, topic.path("spec").path("replicas").asInt());
                assertEquals(2, topic.at("/spec/config/min.insync.replicas").asInt());
            }
        }
        Set<String> expected = new TreeSet<>();
        Arrays.stream(Topic.values()).forEach(t -> expected.add(t.topicName()));
        assertEquals(expected, topics);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceHasItsOwnDatabaseAndOwner(String overlay) {
        List<ObjectNode> objects = Repository.overlay(overlay);
        JsonNode cluster = one(objects, "Cluster", "postgres").path("spec");
        Set<String> roles = new TreeSet<>();
        cluster.path("managed").path("roles").forEach(r -> roles.add(r.path("name").asText()));

        for (String service : Repository.SERVICES) {
            String database = service.substring(0, service.indexOf('-'));
            JsonNode spec = one(objects, "Database", database).path("spec");
            assertEquals(database, spec.path("owner").asText());
            assertEquals("postgres", spec.path("cluster").path("name").asText());
            assertTrue(roles.contains(database), database);
            assertEquals("jdbc:postgresql://postgres-rw:5432/" + database, one(objects, "ConfigMap", service
                    + "-config").path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        }
    }

    @Test
    void prodBacksUpPostgresDaily() {
        List<ObjectNode> objects = Repository.overlay("prod");

        JsonNode backup = one(objects, "Cluster", "postgres").path("spec").path("backup");
        assertFalse(backup.path("barmanObjectStore").path("destinationPath").asText().isEmpty());
        assertFalse(backup.path("retentionPolicy").asText().isEmpty());
        JsonNode schedule = one(objects, "ScheduledBackup", "postgres-daily").path("spec");
        assertEquals("postgres", schedule.path("cluster").path("name").asText());
        assertFalse(schedule.path("suspend").asBoolean(false));
    }

    @Test
    void prodRealmHasNoDemoPeopleAndNoSecretValues() {
        JsonNode realm = one(Repository.overlay("prod"), "KeycloakRealmImport", "safesessions-realm")
                .path("spec").path("realm");

        assertEquals("safesessions", realm.path("realm").asText());
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.has("serviceAccountClientId"), "a person in the prod realm: " + user.path("username"));
            assertFalse(user.has("credentials"));
        }
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            clients.add(client.path("clientId").asText());
            if (client.has("secret")) {
                assertTrue(client.path("secret").asText().matches("\\$\\{[A-Z_]+}"), client.path("clientId").asText());
            }
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), "password grant in prod");
        }
        assertEquals(List.of("staff-portal", "notification-service", "staff-portal-web", "session-service",
                "safeguarding-service", "ops-cli"), clients);
        assertEquals("external", realm.path("sslRequired").asText());
    }

    @Test
    void devRealmHasThePeopleAndCouncilsOfTheLocalStack() throws IOException {
        JsonNode realm = one(Repository.overlay("dev"), "KeycloakRealmImport", "safesessions-realm")
                .path("spec").path("realm");
        JsonNode local = Manifests.YAML.readTree(Repository.ROOT.resolve("stack/keycloak/safesessions-realm.json")
                .toFile());

        assertEquals(names(local.path("users"), "username"), names(realm.path("users"), "username"));
        assertEquals(names(local.path("clients"), "clientId"), names(realm.path("clients"), "clientId"));
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.has("secret") && !client.path("secret").asText().startsWith("${"),
                    "dev secrets come from a Secret too: " + client.path("clientId").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theNamespaceDeniesAllTrafficByDefault(String overlay) {
        JsonNode policy = one(Repository.overlay(overlay), "NetworkPolicy", "default-deny-all").path("spec");

        assertTrue(policy.path("podSelector").isEmpty());
        assertEquals(List.of("Ingress", "Egress"), texts(policy.path("policyTypes")));
        assertTrue(policy.path("ingress").isMissingNode() && policy.path("egress").isMissingNode());
    }

    @Test
    void onlyZoomCouncilWebhooksAndSmtpAreReachedOutsideTheCluster() {
        List<ObjectNode> objects = Repository.overlay("prod");

        for (String service : Repository.SERVICES) {
            List<String> outsidePorts = new ArrayList<>();
            for (JsonNode rule : one(objects, "NetworkPolicy", service).path("spec").path("egress")) {
                boolean outside = false;
                for (JsonNode peer : rule.path("to")) {
                    outside |= peer.has("ipBlock");
                }
                if (outside) {
                    rule.path("ports").forEach(p -> outsidePorts.add(p.path("port").asText()));
                }
            }
            List<String> expected = switch (service) {
                case "session-service", "safeguarding-service" -> List.of("443");
                case "notification-service" -> List.of("587");
                default -> List.of();
            };
            assertEquals(expected, outsidePorts, service);
        }
    }

    @Test
    void consentAndSessionServiceAcceptNotificationServiceAndNothingElseInside() {
        List<ObjectNode> objects = Repository.overlay("prod");

        for (String service : Repository.SERVICES) {
            Set<String> podPeers = new TreeSet<>();
            for (JsonNode rule : one(objects, "NetworkPolicy", service).path("spec").path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("podSelector")) {
                        podPeers.add(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText());
                    }
                }
            }
            Set<String> expected = service.equals("consent-service") || service.equals("session-service")
                    ? Set.of("notification-service") : Set.of();
            assertEquals(expected, podPeers, service);
        }
    }

    @Test
    void everySecretTheManifestsReferenceIsInTheRunbook() throws IOException {
        String runbook = Files.readString(Repository.k8s("README.md"));
        Set<String> secrets = new TreeSet<>();
        for (String overlay : List.of("dev", "prod")) {
            Repository.overlay(overlay).forEach(o -> SecretReferences.collect(o, secrets));
        }

        assertTrue(secrets.size() >= 10, "found " + secrets);
        for (String secret : secrets) {
            assertTrue(runbook.contains("`" + secret + "`"), "k8s/README.md does not tell ops to create " + secret);
        }
    }

    private static String image(String service) {
        return "ghcr.io/safesessions/" + service;
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(element -> names.add(element.path(field).asText()));
        return names;
    }
}
