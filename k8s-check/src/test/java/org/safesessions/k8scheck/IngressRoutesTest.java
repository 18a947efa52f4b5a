package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.k8scheck.Objects.one;

/**
 * The Ingress publishes the four APIs under one host: every resource path a service serves today (read from its
 * JAX-RS resources at test time, so a new endpoint cannot be forgotten) reaches that service, following the
 * Ingress rules as a controller does (Prefix paths, longest match, whole path segments).
 */
class IngressRoutesTest {

    private static final String API_HOST = "api.safesessions.example.org";
    /** Class-level {@code @Path} of a resource class (not of a REST client interface). */
    private static final Pattern RESOURCE_PATH =
            Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public\\s+(?:final\\s+)?class");
    /** Method-level {@code @Path} of a resource method (indented once). */
    private static final Pattern METHOD_PATH = Pattern.compile("(?m)^    @Path\\(\"([^\"]+)\"\\)");

    /**
     * Served but deliberately not on the API host, each with the reason. session-service's own read of its consent
     * projection shares consent-service's {@code /young-people} prefix, which an Ingress cannot split by a segment
     * in the middle; it is a diagnostic view, read inside the cluster.
     */
    private static final Map<String, String> NOT_PUBLISHED = Map.of(
            "session-service /young-people/{youngPersonId}/consent-state", "diagnostic view, read inside the cluster");

    @Test
    void everyPathAServiceServesIsRoutedToThatService() {
        List<ObjectNode> ingresses = Objects.ofKind(Repository.overlay("prod"), "Ingress");
        List<String> misrouted = new ArrayList<>();
        int routes = 0;

        for (String service : Repository.SERVICES) {
            for (String path : resourcePaths(service)) {
                if (NOT_PUBLISHED.containsKey(service + " " + path)) {
                    continue;
                }
                routes++;
                String backend = backend(ingresses, API_HOST, path.replaceAll("\\{[^}]+}", "x"));
                if (!service.equals(backend)) {
                    misrouted.add(service + " " + path + " -> " + backend);
                }
            }
        }

        assertEquals(List.of(), misrouted);
        assertTrue(routes >= 20, "found only " + routes + " resource paths");
    }

    @Test
    void keycloakPublishesOnlyItsRealmsAndResourcesNotTheAdminConsole() {
        List<ObjectNode> ingresses = Objects.ofKind(Repository.overlay("prod"), "Ingress");

        assertEquals("keycloak-service", backend(ingresses, "auth.safesessions.example.org", "/realms/safesessions"));
        assertEquals("keycloak-service", backend(ingresses, "auth.safesessions.example.org", "/resources/x"));
        assertEquals("none", backend(ingresses, "auth.safesessions.example.org", "/admin/master/console"));
    }

    @Test
    void theNotificationStreamIsNeitherBufferedNorCutAfterAMinute() {
        ObjectNode streams = one(Repository.overlay("prod"), "Ingress", "safesessions-streams");

        assertEquals("notification-service", backend(List.of(streams), API_HOST, "/me/notifications/stream"));
        assertEquals("off", streams.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-buffering").asText());
        assertTrue(streams.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout").asInt() >= 600);
    }

    /**
     * service-kit's {@code /ops} endpoints (parked events, SPEC §7) are served by every service but published on no
     * public host: ops reach them inside the cluster (k8s/README.md "Parked events", kubectl port-forward).
     */
    @Test
    void opsEndpointsAreOnNoPublicHost() {
        List<ObjectNode> ingresses = Objects.ofKind(Repository.overlay("prod"), "Ingress");
        for (JsonNode ingress : ingresses) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                String host = rule.path("host").asText();
                assertEquals("none", backend(ingresses, host, "/ops/parked-events"), host);
                assertEquals("none", backend(ingresses, host, "/ops/parked-events/c/e/replay"), host);
                assertEquals("none", backend(ingresses, host, "/ops/key-rotation"), host);
                assertEquals("none", backend(ingresses, host, "/ops/key-rotation/run"), host);
            }
        }
    }

    @Test
    void everyHostIsServedOverTls() {
        for (JsonNode ingress : Objects.ofKind(Repository.overlay("prod"), "Ingress")) {
            List<String> tlsHosts = new ArrayList<>();
            ingress.path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));

            ingress.path("spec").path("rules").forEach(rule ->
                    assertTrue(tlsHosts.contains(rule.path("host").asText()), rule.path("host").asText()));
        }
    }

    /** The Service the Ingresses (merged, as a controller merges them) send this request path to, or "none". */
    static String backend(List<ObjectNode> ingresses, String host, String requestPath) {
        String best = "none";
        int bestLength = -1;
        for (JsonNode rule : ingresses.stream().flatMap(i -> java.util.stream.StreamSupport.stream(
                i.path("spec").path("rules").spliterator(), false)).toList()) {
            if (!rule.path("host").asText().equals(host)) {
                continue;
            }
            for (JsonNode path : rule.path("http").path("paths")) {
                String prefix = path.path("path").asText();
                boolean matches = path.path("pathType").asText().equals("Exact") ? requestPath.equals(prefix)
                        : requestPath.equals(prefix) || requestPath.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
                if (matches && prefix.length() > bestLength) {
                    best = path.path("backend").path("service").path("name").asText();
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** Every path a service's resource classes serve: each class path, and each method path under it. */
    private static List<String> resourcePaths(String service) {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher resource = RESOURCE_PATH.matcher(source);
                if (!resource.find()) {
                    continue;
                }
                String root = "/" + strip(resource.group(1));
                if (!root.equals("/")) {
                    paths.add(root);
                }
                Matcher method = METHOD_PATH.matcher(source);
                while (method.find()) {
                    paths.add((root.equals("/") ? "" : root) + "/" + strip(method.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }
}
