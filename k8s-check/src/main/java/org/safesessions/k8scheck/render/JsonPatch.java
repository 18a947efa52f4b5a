package org.safesessions.k8scheck.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch, the operations our overlays use: {@code add}, {@code remove}, {@code replace} and
 * {@code test}, with kustomize's semantics: a missing parent, a missing member to remove, an index out of range or a
 * failing test is an error, so a patch that no longer fits its target breaks the build; like kustomize (its JSON
 * patch library), {@code replace} of a missing member of an object sets it.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode target, JsonNode operations, String patchName) {
        if (!operations.isArray()) {
            throw new KustomizeException(patchName + ": only JSON 6902 patches (a list of operations) are supported");
        }
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText(null);
            if (path == null) {
                throw new KustomizeException(patchName + ": an operation without a path");
            }
            try {
                switch (op) {
                    case "add" -> add(target, path, value(operation, patchName));
                    case "replace" -> replace(target, path, value(operation, patchName));
                    case "remove" -> remove(target, path);
                    case "test" -> test(target, path, value(operation, patchName));
                    default -> throw new KustomizeException("operation '" + op + "' is not supported");
                }
            } catch (KustomizeException e) {
                throw new KustomizeException(patchName + ": " + op + " " + path + ": " + e.getMessage());
            }
        }
    }

    private static JsonNode value(JsonNode operation, String patchName) {
        if (!operation.has("value")) {
            throw new KustomizeException(patchName + ": " + operation.path("op").asText() + " needs a value");
        }
        return operation.get("value").deepCopy();
    }

    private static void add(ObjectNode root, String path, JsonNode value) {
        Location location = locate(root, path);
        if (location.parent instanceof ObjectNode object) {
            object.set(location.token, value);
        } else if (location.parent instanceof ArrayNode array) {
            if ("-".equals(location.token)) {
                array.add(value);
            } else {
                int index = index(location.token, array.size() + 1);
                array.insert(index, value);
            }
        } else {
            throw new KustomizeException("the parent is not an object or a list");
        }
    }

    private static void replace(ObjectNode root, String path, JsonNode value) {
        Location location = locate(root, path);
        if (location.parent instanceof ObjectNode object) {
            object.set(location.token, value);
        } else if (location.parent instanceof ArrayNode array) {
            array.set(index(location.token, array.size()), value);
        } else {
            throw new KustomizeException("the parent is not an object or a list");
        }
    }

    private static void remove(ObjectNode root, String path) {
        Location location = locate(root, path);
        if (location.parent instanceof ObjectNode object) {
            requireMember(object, location.token);
            object.remove(location.token);
        } else if (location.parent instanceof ArrayNode array) {
            array.remove(index(location.token, array.size()));
        } else {
            throw new KustomizeException("the parent is not an object or a list");
        }
    }

    private static void test(ObjectNode root, String path, JsonNode expected) {
        Location location = locate(root, path);
        JsonNode actual = location.parent instanceof ArrayNode array
                ? array.get(index(location.token, array.size()))
                : location.parent.get(location.token);
        if (!expected.equals(actual)) {
            throw new KustomizeException("test failed: found " + actual);
        }
    }

    private static void requireMember(ObjectNode object, String name) {
        if (!object.has(name)) {
            throw new KustomizeException("no such member '" + name + "'");
        }
    }

    private static int index(String token, int limit) {
        if (!token.matches("0|[1-9][0-9]*")) {
            throw new KustomizeException("'" + token + "' is not a list index");
        }
        int index = Integer.parseInt(token);
        if (index >= limit) {
            throw new KustomizeException("index " + index + " is out of range");
        }
        return index;
    }

    private record Location(JsonNode parent, String token) {
    }

    /** The container named by all but the last token of the pointer, which must exist, and that last token. */
    private static Location locate(ObjectNode root, String pointer) {
        if (pointer.isEmpty() || pointer.charAt(0) != '/') {
            throw new KustomizeException("a JSON pointer starts with '/'");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        JsonNode node = root;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            JsonNode next = node.isArray() ? node.get(index(token, node.size())) : node.get(token);
            if (next == null || !next.isContainerNode()) {
                throw new KustomizeException("no such container '" + token + "'");
            }
            node = next;
        }
        return new Location(node, tokens.get(tokens.size() - 1));
    }
}
