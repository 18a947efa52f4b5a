package org.safesessions.session;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The project's zoom-simulator, run as its own process on a random port: every Zoom request the service makes is
 * checked against Zoom's published contract there, and faults (429, 5xx, slow answers) are planned through its
 * {@code /_sim} controls. Built first if its jar is missing (a fresh clone builds session-service before it).
 */
public class ZoomSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static Process process;
    private static String baseUrl;

    public static String baseUrl() {
        return baseUrl;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path module = Path.of("").toAbsolutePath().getParent().resolve("zoom-simulator");
            Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
            String java = ProcessHandle.current().info().command().orElse("java");
            if (!Files.exists(jar)) {
                build(module, java);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            baseUrl = "http://127.0.0.1:" + port;
            // the C1 compiler alone, as the test JVMs run (the parent pom's argLine): a simulator that lives for one
            // module's tests spends less CPU compiling than C2 would gain it
            process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.log.level=WARN", "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(new File("target/zoom-simulator.log")).start();
            awaitHealthy();
            // a pool large enough that the many sessions the tests book at the same hours each find a free host
            String defaultHosts = IntStream.rangeClosed(1, 300)
                    .mapToObj(i -> "zoom-host-%03d".formatted(i)).collect(Collectors.joining(","));
            return Map.of(
                    "safesessions.zoom.default-hosts", defaultHosts,
                    "quarkus.rest-client.zoom-api.url", baseUrl,
                    "quarkus.rest-client.zoom-oauth.url", baseUrl,
                    "quarkus.rest-client.zoom-api.read-timeout", "1500",
                    "safesessions.zoom.first-backoff", "PT0.2S",
                    "safesessions.zoom.max-backoff", "PT1S",
                    "safesessions.zoom.max-attempts", "4",
                    "safesessions.zoom.timeout-settle", "PT2S",
                    "safesessions.zoom.poll-interval", "1s");
        } catch (IOException e) {
            throw new IllegalStateException("zoom-simulator did not start", e);
        }
    }

    private static void build(Path module, String java) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(module.getParent().resolve("mvnw").toString(), "-B", "-q",
                "-f", module.resolve("pom.xml").toString(), "package", "-DskipTests"))
                .redirectErrorStream(true).redirectOutput(new File("target/zoom-simulator-build.log"));
        builder.environment().put("JAVA_HOME", Path.of(java).getParent().getParent().toString());
        Process build = builder.start();
        try {
            if (build.waitFor() != 0) {
                throw new IllegalStateException("building zoom-simulator failed: see target/zoom-simulator-build.log");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("zoom-simulator not healthy within 30 s");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
