package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.safesessions.k8scheck.rules.MetricNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.k8scheck.Objects.one;

/**
 * Alerts ops can act on (k8s/base/monitoring): every metric a rule reads is one the services' code exposes (read from
 * service-kit's and the services' source at test time), one the frameworks expose, or one listed below as not yet
 * exposed, with the service that must add it; every alert has a severity, a summary and a runbook section; and
 * Prometheus scrapes every service.
 */
class AlertRulesTest {

    /** Exposed by the frameworks, not by our code, and where they come from. */
    static final Map<String, String> FRAMEWORK_METRICS = Map.of(
            "up", "Prometheus itself, per scrape target",
            "kafka_consumer_fetch_manager_records_lag", "Micrometer's KafkaClientMetrics, which quarkus-micrometer's "
                    + "Kafka binder (on by default) binds to every consumer the Kafka connector creates");

    /**
     * Read by an alert but not exposed by any service yet: the alert stays silent until the service adds the meter
     * (its Micrometer name and tags here). A test fails once one appears, so this list only shrinks.
     */
    static final Map<String, String> NOT_YET_EXPOSED = Map.of();

    private static Set<String> exposed() {
        List<Path> roots = new ArrayList<>();
        roots.add(Repository.ROOT.resolve("service-kit/src/main/java"));
        Repository.SERVICES.forEach(s -> roots.add(Repository.ROOT.resolve(s).resolve("src/main/java")));
        return MetricNames.exposedBy(roots);
    }

    private static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (ObjectNode rule : Objects.ofKind(Repository.overlay("prod"), "PrometheusRule")) {
            rule.path("spec").path("groups").forEach(g -> g.path("rules").forEach(alerts::add));
        }
        return alerts;
    }

    @Test
    void theServicesExposeTheKitsOutboxAndInboxMetrics() {
        Set<String> exposed = exposed();

        assertTrue(exposed.containsAll(List.of("safesessions_outbox_pending", "safesessions_outbox_oldest_pending_seconds",
                "safesessions_inbox_parked")), exposed.toString());
    }

    @Test
    void everyMetricAnAlertReadsIsExposed() {
        Set<String> exposed = exposed();
        Map<String, Set<String>> missing = new TreeMap<>();
        for (JsonNode alert : alerts()) {
            for (String metric : MetricNames.readBy(alert.path("expr").asText())) {
                if (!exposed.contains(metric) && !FRAMEWORK_METRICS.containsKey(metric)
                        && !NOT_YET_EXPOSED.containsKey(metric)) {
                    missing.computeIfAbsent(alert.path("alert").asText(), a -> new TreeSet<>()).add(metric);
                }
            }
        }
        assertEquals(Map.of(), missing, "alerts reading metrics no service exposes");
    }

    @Test
    void metricsListedAsNotYetExposedAreStillMissingAndStillRead() {
        Set<String> exposed = exposed();
        Set<String> read = new TreeSet<>();
        alerts().forEach(a -> read.addAll(MetricNames.readBy(a.path("expr").asText())));

        for (String metric : NOT_YET_EXPOSED.keySet()) {
            assertFalse(exposed.contains(metric), metric + " is exposed now: take it off NOT_YET_EXPOSED");
            assertTrue(read.contains(metric), metric + " is read by no alert: take it off NOT_YET_EXPOSED");
        }
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookSection() throws IOException {
        String runbook = Files.readString(Repository.k8s("README.md"));
        List<String> names = new ArrayList<>();
        for (JsonNode alert : alerts()) {
            String name = alert.path("alert").asText();
            names.add(name);
            assertTrue(Set.of("warning", "critical").contains(alert.at("/labels/severity").asText()), name);
            assertFalse(alert.at("/annotations/summary").asText().isBlank(), name);
            assertEquals("k8s/README.md §10a, " + name, alert.at("/annotations/runbook").asText());
            assertTrue(runbook.contains("\n#### " + name + "\n"), "no runbook section \"#### " + name + "\"");
        }
        assertTrue(names.containsAll(List.of("OutboxEventsWaiting", "InboxEventParked", "KafkaConsumerLagGrowing",
                "NotificationDeadLettered", "ZoomProvisioningFailing", "SafeguardingClockBreached",
                "KeycloakUnreachable", "DatabaseUnreachable")), names.toString());
    }

    @Test
    void prometheusScrapesEveryServiceOnItsHttpPort() {
        List<ObjectNode> objects = Repository.overlay("prod");
        JsonNode monitor = one(objects, "ServiceMonitor", "safesessions-services").path("spec");
        List<String> selected = Objects.texts(monitor.at("/selector/matchExpressions/0/values"));

        assertEquals(Repository.SERVICES, selected);
        assertEquals("/q/metrics", monitor.at("/endpoints/0/path").asText());
        for (String service : Repository.SERVICES) {
            JsonNode svc = one(objects, "Service", service);
            assertEquals("safesessions", svc.at("/metadata/labels/app.kubernetes.io~1part-of").asText(), service);
            List<String> ports = new ArrayList<>();
            svc.at("/spec/ports").forEach(p -> ports.add(p.path("name").asText()));
            assertTrue(ports.contains(monitor.at("/endpoints/0/port").asText()), service + " " + ports);
        }
    }

    @Test
    void metricNamesAreReadFromPromQlNotItsFunctionsLabelsOrRanges() {
        assertEquals(Set.of("a_total", "b", "up"), MetricNames.readBy(
                "sum by (job, topic) (increase(a_total{x=\"y\", job=~\"b|c\"}[5m])) > 0 and on (job) b offset 5m"
                        + " or absent(up{job=\"k\"}) unless max without (le) (b) == bool 1"));
    }

    @Test
    void meterNamesBecomeWhatThePrometheusRegistryPrints() {
        String source = """
                static final String PARKED = "safesessions.inbox.parked";
                Gauge.builder(PARKED, () -> 1).register(r);
                Counter.builder("safesessions.things.done").register(r);
                registry.timer("safesessions.pass");
                @Counted("safesessions.calls")
                """;
        Set<String> names = MetricNames.exposedBy(List.of(write(source)));
        assertTrue(names.containsAll(List.of("safesessions_inbox_parked", "safesessions_things_done_total",
                "safesessions_pass_seconds_count", "safesessions_calls_total")), names.toString());
    }

    private static Path write(String source) {
        try {
            Path dir = Files.createTempDirectory("metric-names");
            Files.writeString(dir.resolve("Meters.java"), source);
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
