package org.safesessions.k8scheck.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safesessions.k8scheck.Manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization the way {@code kubectl kustomize} (kustomize 5.5) does, for exactly the features the
 * suite's overlays use, so the build needs no kustomize binary (none can be fetched from Maven Central):
 * <ul>
 *   <li>{@code resources}: files (inside the kustomization's folder) and folders holding a kustomization,
 *       each rendered fully before the parent's transformations;</li>
 *   <li>{@code patches}: JSON 6902 patches from a file, with a {@code target} of {@code kind} and/or {@code name}
 *       (anchored regular expressions, as in kustomize);</li>
 *   <li>{@code namespace}, {@code replicas} and {@code images}.</li>
 * </ul>
 * Transformations run in kustomize's order: patches, namespace, replicas, images. Any other field, a strategic
 * merge patch or another target selector is refused with a message, so an overlay cannot quietly use a feature
 * that would render differently here; a test compares this renderer with {@code kubectl kustomize} where kubectl
 * is installed.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "resources", "namespace", "patches", "replicas", "images");
    private static final Set<String> SUPPORTED_TARGET_FIELDS = Set.of("kind", "name");
    /** The kinds kustomize's replicas transformer changes. */
    private static final Set<String> SCALABLE_KINDS =
            Set.of("Deployment", "ReplicaSet", "ReplicationController", "StatefulSet");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "IngressClass");
    /** Kinds whose other fields kustomize's namespace transformer also rewrites: not implemented, so refused. */
    private static final Set<String> NAMESPACE_REFERENCING_KINDS = Set.of("RoleBinding", "ClusterRoleBinding",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService");

    private Kustomize() {
    }

    /** The objects {@code kubectl kustomize dir} would print, in the order they were declared. */
    public static List<ObjectNode> build(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        JsonNode kustomization = readKustomization(root);
        List<ObjectNode> objects = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : kustomization.path("resources")) {
            for (ObjectNode object : load(root, entry.asText())) {
                if (!ids.add(resourceId(object))) {
                    throw new KustomizeException(root + ": " + Manifests.id(object) + " is declared twice");
                }
                objects.add(object);
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(root, patch, objects);
        }
        if (kustomization.hasNonNull("namespace")) {
            setNamespace(kustomization.get("namespace").asText(), objects);
        }
        for (JsonNode replicas : kustomization.path("replicas")) {
            setReplicas(root, replicas, objects);
        }
        for (JsonNode image : kustomization.path("images")) {
            setImage(image, objects);
        }
        return objects;
    }

    private static JsonNode readKustomization(Path root) {
        Path file = null;
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(root.resolve(name))) {
                file = root.resolve(name);
                break;
            }
        }
        if (file == null) {
            throw new KustomizeException(root + ": no kustomization.yaml");
        }
        List<JsonNode> documents = Manifests.readDocuments(file);
        if (documents.size() != 1 || !documents.get(0).isObject()) {
            throw new KustomizeException(file + ": a kustomization is one YAML mapping");
        }
        JsonNode kustomization = documents.get(0);
        for (Iterator<String> it = kustomization.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new KustomizeException(file + ": '" + field + "' is not a kustomize feature this renderer "
                        + "implements (supported: " + SUPPORTED_FIELDS + ")");
            }
        }
        return kustomization;
    }

    private static List<ObjectNode> load(Path root, String entry) {
        if (entry.contains("://") || entry.startsWith("github.com/")) {
            throw new KustomizeException(root + ": remote resource '" + entry + "' is not supported");
        }
        Path path = root.resolve(entry).normalize();
        if (Files.isDirectory(path)) {
            return build(path);
        }
        return Manifests.readObjects(insideRoot(root, entry));
    }

    /** kustomize's default load restrictor: files a kustomization names must sit in its own folder tree. */
    private static Path insideRoot(Path root, String entry) {
        Path path = root.resolve(entry).normalize();
        if (!path.startsWith(root)) {
            throw new KustomizeException(root + ": '" + entry + "' is outside the kustomization's folder");
        }
        if (!Files.isRegularFile(path)) {
            throw new KustomizeException(root + ": '" + entry + "' does not exist");
        }
        return path;
    }

    private static String resourceId(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group + "|" + Manifests.kind(object) + "|" + object.path("metadata").path("namespace").asText()
                + "|" + Manifests.name(object);
    }

    private static void applyPatch(Path root, JsonNode patch, List<ObjectNode> objects) {
        if (patch.has("patch") || !patch.hasNonNull("path")) {
            throw new KustomizeException(root + ": only patches from a file ('path') are supported");
        }
        String file = patch.get("path").asText();
        List<JsonNode> documents = Manifests.readDocuments(insideRoot(root, file));
        if (documents.size() != 1 || !documents.get(0).isArray()) {
            throw new KustomizeException(root + ": " + file + " is not a JSON 6902 patch (a list of operations);"
                    + " strategic merge patches are not supported");
        }
        JsonNode target = patch.path("target");
        if (!target.isObject() || target.isEmpty()) {
            throw new KustomizeException(root + ": patch " + file + " needs a target");
        }
        Map<String, Pattern> selectors = new LinkedHashMap<>();
        for (Iterator<String> it = target.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED_TARGET_FIELDS.contains(field)) {
                throw new KustomizeException(root + ": patch " + file + " selects by '" + field
                        + "', which is not supported (only kind and name)");
            }
            selectors.put(field, Pattern.compile("^(?:" + target.get(field).asText() + ")$"));
        }
        for (ObjectNode object : objects) {
            boolean matches = (!selectors.containsKey("kind")
                    || selectors.get("kind").matcher(Manifests.kind(object)).matches())
                    && (!selectors.containsKey("name")
                    || selectors.get("name").matcher(Manifests.name(object)).matches());
            if (matches) {
                JsonPatch.apply(object, documents.get(0), root.relativize(root.resolve(file)) + " on "
                        + Manifests.id(object));
            }
        }
    }

    private static void setNamespace(String namespace, List<ObjectNode> objects) {
        for (ObjectNode object : objects) {
            String kind = Manifests.kind(object);
            if (NAMESPACE_REFERENCING_KINDS.contains(kind)) {
                throw new KustomizeException(Manifests.id(object) + ": the namespace transformer would also "
                        + "rewrite references in this kind, which this renderer does not implement");
            }
            if (!CLUSTER_SCOPED_KINDS.contains(kind)) {
                ((ObjectNode) object.with("metadata")).put("namespace", namespace);
            }
        }
    }

    private static void setReplicas(Path root, JsonNode replicas, List<ObjectNode> objects) {
        String name = replicas.path("name").asText();
        boolean found = false;
        for (ObjectNode object : objects) {
            if (SCALABLE_KINDS.contains(Manifests.kind(object)) && Manifests.name(object).equals(name)) {
                ((ObjectNode) object.with("spec")).set("replicas", replicas.get("count").deepCopy());
                found = true;
            }
        }
        if (!found) {
            throw new KustomizeException(root + ": replicas for '" + name + "' match no Deployment");
        }
    }

    private static void setImage(JsonNode image, List<ObjectNode> objects) {
        for (ObjectNode object : objects) {
            rewriteImages(object, image);
        }
    }

    /** Like kustomize, every {@code containers}/{@code initContainers} list anywhere in an object is searched. */
    private static void rewriteImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers"))
                        && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        if (container.path("image").isTextual()) {
                            ((ObjectNode) container).put("image",
                                    ImageReference.rewrite(container.get("image").asText(), image));
                        }
                    }
                } else {
                    rewriteImages(field.getValue(), image);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                rewriteImages(element, image);
            }
        }
    }
}
