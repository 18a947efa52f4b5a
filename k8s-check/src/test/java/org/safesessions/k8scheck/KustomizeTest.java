package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safesessions.k8scheck.render.Kustomize;
import org.safesessions.k8scheck.render.KustomizeException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The renderer does what kustomize does with the features the overlays use, and refuses the others. */
class KustomizeTest {

    @Test
    void namespaceReplicasImagesAndPatchesApplyAsInKustomize() {
        List<ObjectNode> objects = Kustomize.build(fixture("overlay"));

        JsonNode deployment = Objects.one(objects, "Deployment", "app");
        assertEquals("team", deployment.at("/metadata/namespace").asText());
        assertEquals("web", deployment.at("/metadata/labels/tier").asText());
        assertEquals(1, deployment.at("/spec/replicas").asInt());
        assertEquals(List.of("mirror.example/app:2.0", "registry.example/team/sidecar@sha256:" + "0".repeat(64),
                "mirror.example/app:2.0"), Objects.texts(images(deployment.at("/spec/template/spec/containers"))));
        assertEquals("mirror.example/app:2.0", deployment.at("/spec/template/spec/initContainers/0/image").asText());
        JsonNode config = Objects.one(objects, "ConfigMap", "app-config");
        assertEquals("2", config.at("/data/A").asText());
        assertEquals("3", config.path("data").path("B/C").asText());
    }

    @Test
    void aFeatureTheRendererDoesNotImplementIsRefused() {
        var refused = assertThrows(KustomizeException.class, () -> Kustomize.build(fixture("unsupported-field")));

        assertTrue(refused.getMessage().contains("'commonLabels' is not a kustomize feature this renderer implements"));
    }

    @Test
    void aStrategicMergePatchIsRefused() {
        var refused = assertThrows(KustomizeException.class, () -> Kustomize.build(fixture("strategic-merge")));

        assertTrue(refused.getMessage().contains("strategic merge patches are not supported"));
    }

    @Test
    void aPatchThatNoLongerFitsItsTargetFails() {
        var refused = assertThrows(KustomizeException.class, () -> Kustomize.build(fixture("stale-patch")));

        assertTrue(refused.getMessage().contains("remove /spec/template/spec/nodeSelector: no such member"),
                refused.getMessage());
    }

    /** Where kubectl is installed (it is on the project's machines), both renderers must agree exactly. */
    @ParameterizedTest
    @ValueSource(strings = {"k8s/overlays/dev", "k8s/overlays/prod", "k8s/base",
            "k8s-check/src/test/resources/kustomize/overlay"})
    void rendersExactlyAsKubectlKustomize(String dir) throws IOException, InterruptedException {
        assumeTrue(kubectlAvailable(), "kubectl is not installed here");
        Path path = Repository.ROOT.resolve(dir);

        assertEquals(byId(kubectlKustomize(path)), byId(Kustomize.build(path)));
    }

    private static JsonNode images(JsonNode containers) {
        var images = Manifests.YAML.createArrayNode();
        containers.forEach(c -> images.add(c.path("image")));
        return images;
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> objects) {
        Map<String, JsonNode> byId = new TreeMap<>();
        objects.forEach(o -> byId.put(Manifests.id(o), o));
        assertEquals(objects.size(), byId.size(), "duplicate ids");
        return byId;
    }

    private static boolean kubectlAvailable() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<ObjectNode> kubectlKustomize(Path dir) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize", ".yaml");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize took too long");
            assertEquals(0, process.exitValue(), "kubectl kustomize " + dir);
            return Manifests.readObjects(output);
        } finally {
            Files.delete(output);
        }
    }

    private static Path fixture(String name) {
        try {
            return Path.of(KustomizeTest.class.getResource("/kustomize/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
