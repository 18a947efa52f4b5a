package org.safesessions.k8scheck;

import org.junit.jupiter.api.Test;
import org.safesessions.k8scheck.rules.DockerfileRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service has a JVM-mode Dockerfile on a pinned OpenJDK 21 runtime, as a non-root user, without secrets. */
class DockerfilesTest {

    @Test
    void everyServiceImageIsPinnedNonRootAndFreeOfSecrets() throws IOException {
        for (String service : Repository.SERVICES) {
            Path dockerfile = Repository.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " is missing");

            assertEquals(java.util.List.of(), DockerfileRules.violations(dockerfile), service);
        }
    }

    @Test
    void everyImageExposesThePortItsDeploymentProbes() throws IOException {
        for (String service : Repository.SERVICES) {
            String dockerfile = Files.readString(Repository.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
            int port = Objects.one(Repository.overlay("prod"), "Deployment", service)
                    .at("/spec/template/spec/containers/0/ports/0/containerPort").asInt();

            assertTrue(dockerfile.contains("\nEXPOSE " + port + "\n"), service + " should expose " + port);
        }
    }
}
