package org.safesessions.k8scheck.schema;

import java.util.List;

/**
 * The operator kinds the suite uses, and where their schema comes from: the operators' own CRDs in
 * {@code ../shared/contracts/k8s-crds/} (Strimzi 1.2.0, CloudNativePG 1.30.0, Keycloak operator 26.0.0). Only these
 * kinds are kept in the project ({@code src/main/resources/crd-schemas/}), each as its {@code openAPIV3Schema} with
 * descriptions stripped; {@link CrdSchemaExtraction} writes them and a test checks they still match the source.
 */
public final class VendoredCrds {

    public record Crd(String operator, String operatorVersion, String sourceFile, String apiVersion, String kind) {

        public String resource() {
            return "crd-schemas/" + apiVersion.substring(0, apiVersion.indexOf('/')) + "_" + kind + ".yaml";
        }
    }

    /** Extracted from the operators' CRDs by {@link CrdSchemaExtraction}; a test checks they still match. */
    public static final List<Crd> EXTRACTED = List.of(
            new Crd("Strimzi", "1.2.0", "strimzi/040-Crd-kafka.yaml", "kafka.strimzi.io/v1", "Kafka"),
            new Crd("Strimzi", "1.2.0", "strimzi/045-Crd-kafkanodepool.yaml", "kafka.strimzi.io/v1", "KafkaNodePool"),
            new Crd("Strimzi", "1.2.0", "strimzi/043-Crd-kafkatopic.yaml", "kafka.strimzi.io/v1", "KafkaTopic"),
            new Crd("Strimzi", "1.2.0", "strimzi/044-Crd-kafkauser.yaml", "kafka.strimzi.io/v1", "KafkaUser"),
            new Crd("CloudNativePG", "1.30.0", "cloudnative-pg/postgresql.cnpg.io_clusters.yaml",
                    "postgresql.cnpg.io/v1", "Cluster"),
            new Crd("CloudNativePG", "1.30.0", "cloudnative-pg/postgresql.cnpg.io_databases.yaml",
                    "postgresql.cnpg.io/v1", "Database"),
            new Crd("CloudNativePG", "1.30.0", "cloudnative-pg/postgresql.cnpg.io_scheduledbackups.yaml",
                    "postgresql.cnpg.io/v1", "ScheduledBackup"),
            new Crd("Keycloak operator", "26.0.0", "keycloak/keycloaks.k8s.keycloak.org-v1.yml",
                    "k8s.keycloak.org/v2alpha1", "Keycloak"),
            new Crd("Keycloak operator", "26.0.0", "keycloak/keycloakrealmimports.k8s.keycloak.org-v1.yml",
                    "k8s.keycloak.org/v2alpha1", "KeycloakRealmImport"));

    /**
     * Written by hand, because the operator's CRDs are not in {@code ../shared/contracts/k8s-crds/}: the subset of
     * the prometheus-operator 0.84 CRDs (ServiceMonitor 0.84.1, PrometheusRule 0.82.2, {@code monitoring.coreos.com/v1},
     * read from the operator repository's {@code example/prometheus-operator-crd/}) that the suite's manifests use,
     * with the same names, types, enums and patterns; every other field is refused, so a field outside the subset
     * fails here even where the real CRD would take it (add it from the CRD, then).
     */
    public static final List<Crd> HAND_WRITTEN = List.of(
            new Crd("prometheus-operator (subset)", "0.84.1",
                    "example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml",
                    "monitoring.coreos.com/v1", "ServiceMonitor"),
            new Crd("prometheus-operator (subset)", "0.82.2",
                    "example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml",
                    "monitoring.coreos.com/v1", "PrometheusRule"));

    /** Every custom resource kind the manifests may use. */
    public static final List<Crd> ALL = java.util.stream.Stream.concat(EXTRACTED.stream(), HAND_WRITTEN.stream())
            .toList();

    private VendoredCrds() {
    }
}
