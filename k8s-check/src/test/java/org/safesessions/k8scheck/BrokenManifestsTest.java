package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.safesessions.k8scheck.rules.DockerfileRules;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks bite: each manifest in {@code src/test/resources/broken/} is slipped into the rendered prod overlay in
 * place of its good twin, and the validation that guards the overlays refuses it, naming the object and the fault.
 */
class BrokenManifestsTest {

    @Test
    void anUnknownFieldIsRefused() {
        assertRefused("deployment-unknown-field.yaml", "Deployment/consent-service: Unrecognized field \"resource\"");
    }

    @Test
    void aWrongTypeIsRefused() {
        assertRefused("deployment-wrong-type.yaml", "Deployment/consent-service: Cannot coerce String value");
    }

    @Test
    void aNumberWhereTheApiWantsAStringIsRefused() {
        assertRefused("configmap-number.yaml", "ConfigMap/notification-service-config: Cannot coerce Integer value");
    }

    @Test
    void aMissingProbeIsRefused() {
        assertRefused("deployment-missing-probe.yaml",
                "Deployment/consent-service container consent-service: needs a readinessProbe on /q/health");
    }

    @Test
    void aBadQuantityAndAProbeOnAnUndeclaredPortAreRefused() {
        List<String> violations = violationsWith("deployment-bad-quantity-and-port.yaml");

        assertContains(violations, "consent-service: resources limits.memory '512MB' is not a Kubernetes quantity");
        assertContains(violations, "consent-service: livenessProbe targets port management, which the container does"
                + " not declare");
    }

    @Test
    void anInsecureContainerIsRefused() {
        List<String> violations = violationsWith("deployment-insecure.yaml");

        assertContains(violations, "consent-service: allowPrivilegeEscalation must be false");
        assertContains(violations, "consent-service: readOnlyRootFilesystem must be true");
        assertContains(violations, "consent-service: must run as non-root");
    }

    @Test
    void aCommittedSecretIsRefused() {
        assertRefused("secret-with-value.yaml", "Secret/consent-db-credentials: a Secret in the repository");
    }

    @Test
    void aLiteralPasswordInTheEnvironmentIsRefused() {
        assertRefused("deployment-literal-password.yaml",
                "Deployment/consent-service: environment variable QUARKUS_DATASOURCE_PASSWORD has a literal value");
    }

    @Test
    void aPasswordInAConfigMapIsRefused() {
        List<String> violations = violationsWith("configmap-password.yaml");

        assertContains(violations, "ConfigMap/consent-service-config: key QUARKUS_DATASOURCE_PASSWORD names a secret");
        assertContains(violations, "ConfigMap/consent-service-config: the value at /data/QUARKUS_DATASOURCE_JDBC_URL"
                + " carries a password");
    }

    @Test
    void aLiteralSecretOrPasswordInTheRealmIsRefused() {
        List<String> violations = violationsWith("realm-literal-secret.yaml");

        assertContains(violations, "client notification-service has a literal secret");
        assertContains(violations, "user coord-a has a credential in the realm import");
    }

    @Test
    void aConfigKeyTheServiceDoesNotReadIsRefused() {
        assertRefused("configmap-unknown-key.yaml",
                "ConfigMap/consent-service-config: QUARKUS_DATASOURCE_JDBC_URI is not a property of consent-service");
    }

    @Test
    void anUnknownFieldInAnOperatorResourceIsRefused() {
        assertRefused("kafkatopic-unknown-field.yaml", "KafkaTopic/consent-events: /spec: property 'partition' is not defined");
    }

    @Test
    void aWrongTypeInAnOperatorResourceIsRefused() {
        assertRefused("cluster-wrong-type.yaml", "Cluster/postgres: /spec/instances: string found, integer expected");
    }

    @Test
    void anUnknownFieldInAServiceMonitorIsRefused() {
        assertRefused("servicemonitor-unknown-field.yaml",
                "ServiceMonitor/safesessions-services: /spec/endpoints/0: property 'portName' is not defined");
    }

    @Test
    void anAlertRuleWhoseForIsNotADurationIsRefused() {
        assertRefused("prometheusrule-bad-for.yaml",
                "PrometheusRule/safesessions-alerts: /spec/groups/0/rules/0/for: integer found, string expected");
    }

    @Test
    void aKafkaUserAllowedMoreThanItsServiceUsesIsRefused() {
        List<String> violations = violationsWith("kafkauser-extra-topic.yaml");

        assertContains(violations, "KafkaUser/consent-service: allows Read on topic session-events, which"
                + " consent-service does not use");
        assertContains(violations, "KafkaUser/consent-service: allows [\"Read\"] on topic safeguarding- by pattern");
    }

    @Test
    void aKafkaUserLackingWhatItsServiceConsumesIsRefused() {
        assertRefused("kafkauser-missing-group.yaml",
                "KafkaUser/session-service: lacks Read on group session-service, which session-service uses");
    }

    @Test
    void anAnonymousKafkaWithoutAclsIsRefused() {
        List<String> violations = violationsWith("kafka-anonymous.yaml");

        assertContains(violations, "Kafka/events: needs authorization type simple");
        assertContains(violations, "Kafka/events: listener plain must require authentication type scram-sha-512");
        assertContains(violations, "Kafka/events: needs the entity operator's userOperator");
    }

    @Test
    void anUnpinnedRootImageWithASecretIsRefused() {
        List<String> violations = DockerfileRules.violations(broken("Dockerfile.unpinned-root"));

        assertEquals(4, violations.size(), violations.toString());
        assertContains(violations, "base image eclipse-temurin:latest is not a pinned OpenJDK 21 runtime image");
        assertContains(violations, "must end as a numeric non-root USER");
        assertContains(violations, "ENV QUARKUS_DATASOURCE_PASSWORD would bake a secret into the image");
        assertContains(violations, "copies something else than the Quarkus build output");
    }

    private static void assertRefused(String fixture, String expected) {
        assertContains(violationsWith(fixture), expected);
    }

    private static void assertContains(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing <" + expected + "> in " + violations);
    }

    /** The prod overlay with the fixture's objects in place of the same-named ones (or added). */
    private static List<String> violationsWith(String fixture) {
        List<ObjectNode> objects = new ArrayList<>(Repository.overlay("prod"));
        for (ObjectNode broken : Manifests.readObjects(broken(fixture))) {
            ((ObjectNode) broken.with("metadata")).put("namespace", "safesessions");
            objects.removeIf(o -> Manifests.id(o).equals(Manifests.id(broken)));
            objects.add(broken);
        }
        List<String> violations = ManifestValidation.violations(objects, Repository.ROOT, false);
        assertTrue(!violations.isEmpty(), fixture + " was accepted");
        return violations;
    }

    private static Path broken(String fixture) {
        try {
            return Path.of(BrokenManifestsTest.class.getResource("/broken/" + fixture).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
