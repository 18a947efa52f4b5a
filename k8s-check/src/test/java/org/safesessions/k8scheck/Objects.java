package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Finding objects in a rendered overlay. */
final class Objects {

    private Objects() {
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> Manifests.kind(o).equals(kind)).toList();
    }

    static ObjectNode one(List<ObjectNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> Manifests.kind(o).equals(kind) && Manifests.name(o).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
