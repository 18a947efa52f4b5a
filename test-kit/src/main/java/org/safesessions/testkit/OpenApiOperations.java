package org.safesessions.testkit;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * Every operation a service publishes in its OpenAPI document ({@code /q/openapi}), so that contract tests walk
 * them all instead of a hand-kept list that misses the newest endpoint.
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A path or query parameter with its (resolved) schema type and format. */
    public record Param(String name, String in, String type, String format, List<String> enumValues) {

        /** A value that converts to the parameter's type, so that a test reaches what it means to test. */
        public String validValue(String uuid) {
            if (isUuid()) {
                return uuid;
            }
            if (!enumValues.isEmpty()) {
                return enumValues.get(0);
            }
            return isInteger() ? "1" : "contract";
        }

        public boolean isUuid() {
            return "uuid".equals(format);
        }

        public boolean isInteger() {
            return "integer".equals(type);
        }
    }

    /**
     * One path + method: its parameters, the media types its request body takes (empty: none), and the media types
     * each response declares, by status.
     */
    public record Operation(String method, String path, List<Param> params, Set<String> bodyTypes,
                            Map<String, Set<String>> responses) {

        public boolean takesBody() {
            return !bodyTypes.isEmpty();
        }

        /** The path with each template parameter given a value of its type. */
        public String validPath(String uuid) {
            return pathWith(null, null, uuid);
        }

        /** The path with parameter {@code name} given {@code value} and the others a value of their type. */
        public String pathWith(String name, String value, String uuid) {
            String filled = path;
            for (Param p : params) {
                if (p.in().equals("path")) {
                    filled = filled.replace("{" + p.name() + "}", p.name().equals(name) ? value : p.validValue(uuid));
                }
            }
            return filled;
        }

        public boolean answersWith(String mediaType) {
            return responses.values().stream().anyMatch(types -> types.contains(mediaType));
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    /** The operations of the service under test (REST Assured's base URI and port). */
    public static List<Operation> ofServiceUnderTest() {
        return parse(given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath());
    }

    @SuppressWarnings("unchecked")
    static List<Operation> parse(JsonPath doc) {
        Map<String, Object> schemas = doc.getMap("components.schemas");
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, raw) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> op = (Map<String, Object>) raw;
            List<Param> params = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                Map<String, Object> schema = resolve((Map<String, Object>) p.getOrDefault("schema", Map.of()), schemas);
                List<String> enumValues = ((List<Object>) schema.getOrDefault("enum", List.of())).stream()
                        .map(String::valueOf).toList();
                params.add(new Param((String) p.get("name"), (String) p.get("in"), (String) schema.get("type"),
                        (String) schema.get("format"), enumValues));
            }
            Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
            Set<String> bodyTypes = body == null ? Set.of()
                    : ((Map<String, Object>) body.getOrDefault("content", Map.of())).keySet();
            Map<String, Set<String>> responses = new java.util.TreeMap<>();
            ((Map<String, Object>) op.getOrDefault("responses", Map.of())).forEach((status, response) ->
                    responses.put(status, ((Map<String, Object>) ((Map<String, Object>) response)
                            .getOrDefault("content", Map.of())).keySet()));
            operations.add(new Operation(method, path, List.copyOf(params), Set.copyOf(bodyTypes), responses));
        }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        Object ref = schema.get("$ref");
        if (ref instanceof String r && r.startsWith("#/components/schemas/") && schemas != null) {
            Object target = schemas.get(r.substring("#/components/schemas/".length()));
            return target instanceof Map<?, ?> m ? (Map<String, Object>) m : schema;
        }
        return schema;
    }
}
