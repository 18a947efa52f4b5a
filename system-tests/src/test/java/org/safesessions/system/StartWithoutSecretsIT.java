package org.safesessions.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A packaged service (prod profile, as bin/suite and the cluster run it) given every secret but one refuses to
 * start, naming the one that is missing, and never prints the ones it was given. The jars are the ones bin/suite
 * runs; each start points at closed ports, so a service that started anyway could not touch the running suite.
 */
class StartWithoutSecretsIT {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", ".."));
    private static final String GIVEN = "given-secret-3f9c2a";

    @Test
    void consentServiceWithoutItsDatabasePassword() throws Exception {
        assertRefusesNaming("consent-service", Map.of(), "Could not expand value QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void sessionServiceWithoutItsZoomClientSecret() throws Exception {
        assertRefusesNaming("session-service", Map.of("QUARKUS_DATASOURCE_PASSWORD", GIVEN,
                        "SAFESESSIONS_CRYPTO_ACTIVE_KEY", "k1", "SAFESESSIONS_ZOOM_ACCOUNT_ID", GIVEN,
                        "SAFESESSIONS_ZOOM_CLIENT_ID", GIVEN, "SAFESESSIONS_ZOOM_WEBHOOK_SECRET", GIVEN),
                "Could not expand value SAFESESSIONS_ZOOM_CLIENT_SECRET");
    }

    @Test
    void safeguardingServiceWithoutItsEncryptionKey() throws Exception {
        assertRefusesNaming("safeguarding-service", Map.of("QUARKUS_DATASOURCE_PASSWORD", GIVEN),
                "Could not expand value safesessions.crypto.active-key");
    }

    @Test
    void notificationServiceWithoutItsClientSecret() throws Exception {
        assertRefusesNaming("notification-service", Map.of("QUARKUS_DATASOURCE_PASSWORD", GIVEN),
                "Could not expand value QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");
    }

    private static void assertRefusesNaming(String service, Map<String, String> secrets, String expected)
            throws IOException, InterruptedException {
        Path jar = ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "no packaged " + service + " at " + jar + " (bin/suite up builds it)");
        Path workDir = Files.createTempDirectory("start-without-secrets");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=0", "-Dkafka.bootstrap.servers=127.0.0.1:1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:1/none", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().clear(); // only what the test gives: no secret from the machine running it
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(secrets);
        Path log = workDir.resolve("out.log");
        builder.redirectOutput(log.toFile());

        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertTrue(exited, service + " did not stop without its secret:\n" + output);
        assertNotEquals(0, process.exitValue(), output);
        assertTrue(output.contains(expected), "expected <" + expected + "> in:\n" + output);
        assertFalse(output.contains(GIVEN), "a given secret was printed:\n" + output);
    }
}
