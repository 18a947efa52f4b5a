package org.safesessions.k8scheck;

import org.junit.jupiter.api.Test;
import org.safesessions.k8scheck.rules.PropertySecretRules;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No key, password or client secret in a setting a packaged (prod) service runs with (issue 11 §5). */
class ServiceSecretsTest {

    @Test
    void noServiceKeepsASecretInItsProdOrUnprofiledProperties() {
        List<Path> files = PropertySecretRules.serviceProperties(Repository.ROOT, Repository.SERVICES);
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            assertTrue(Files.isRegularFile(file), file + " is missing");
            violations.addAll(PropertySecretRules.violations(Repository.ROOT, file));
        }

        assertEquals(5, files.size());
        assertEquals(List.of(), violations);
    }

    @Test
    void aLiteralSecretInAProdOrUnprofiledLineIsRefusedAndDemoValuesInDevAndTestAreNot() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/broken/application-with-secrets.properties").toURI());

        List<String> violations = PropertySecretRules.violations(fixture.getParent(), fixture);

        String file = "application-with-secrets.properties: ";
        assertEquals(List.of(
                file + "%prod.quarkus.datasource.jdbc.url carries a password or key in its value",
                file + "%prod.quarkus.datasource.password is a secret with a value in the file; in prod take it from"
                        + " the environment with no default, ${QUARKUS_DATASOURCE_PASSWORD}",
                file + "%prod.quarkus.oidc-client.credentials.secret is a secret with a value in the file; in prod take"
                        + " it from the environment with no default, ${QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET}",
                file + "%prod.safesessions.crypto.keys.k1 is a secret with a value in the file; in prod take it from"
                        + " the environment with no default, ${SAFESESSIONS_CRYPTO_KEYS_K1}",
                file + "safesessions.zoom.client-secret is a secret with a value in the file; in prod take it from the"
                        + " environment with no default, ${SAFESESSIONS_ZOOM_CLIENT_SECRET}"), violations);
    }
}
