package org.safesessions.k8scheck.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import org.safesessions.k8scheck.Manifests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Custom resources checked against their operator's CRD schema (the vendored copies of {@link VendoredCrds}), as
 * the API server with strict field validation would: a wrong type, a value outside an enum or pattern, a missing
 * required field, or an unknown field. An API server prunes unknown fields silently unless the object is
 * applied with {@code --validate=strict}; the suite's rule is that such a field is a mistake, so every object
 * schema that does not say {@code x-kubernetes-preserve-unknown-fields} is closed here. CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated.
 */
public final class CrdSchemas {

    private static final ObjectMapper YAML = Manifests.YAML;
    private static final Map<String, JsonSchema> SCHEMAS = load();

    private CrdSchemas() {
    }

    public static boolean knows(JsonNode object) {
        return SCHEMAS.containsKey(typeKey(object));
    }

    /** What the operator's schema refuses in this custom resource; empty when it is valid. */
    public static List<String> violations(JsonNode object) {
        JsonSchema schema = SCHEMAS.get(typeKey(object));
        if (schema == null) {
            return List.of(Manifests.id(object) + ": " + typeKey(object) + " is not a custom resource kind the "
                    + "suite's operators define (see VendoredCrds)");
        }
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object)) {
            violations.add(Manifests.id(object) + ": " + message.getMessage());
        }
        KubernetesApiSchema.metadataViolation(object).ifPresent(violations::add);
        return violations;
    }

    private static String typeKey(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + Manifests.kind(object);
    }

    private static Map<String, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(OpenApi30.getInstance())
                .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (VendoredCrds.Crd crd : VendoredCrds.ALL) {
            try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(crd.resource())) {
                if (in == null) {
                    throw new IllegalStateException("missing " + crd.resource());
                }
                JsonNode vendored = YAML.readTree(in);
                ObjectNode schema = (ObjectNode) closed(vendored.get("openAPIV3Schema"), true);
                // The API server checks these three itself, for every kind; metadata goes through ObjectMeta below.
                ObjectNode properties = (ObjectNode) schema.with("properties");
                properties.set("apiVersion", type("string"));
                properties.set("kind", type("string"));
                properties.set("metadata", type("object"));
                schemas.put(crd.apiVersion() + "/" + crd.kind(), factory.getSchema(schema, config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(schemas);
    }

    /**
     * A copy of a structural schema that refuses unknown fields: an object schema without
     * {@code x-kubernetes-preserve-unknown-fields} and without {@code additionalProperties} allows only its
     * declared properties (none when it declares none, as a structural schema prunes them all). The Kubernetes
     * extensions become plain JSON Schema ({@code x-kubernetes-int-or-string} is "integer or string") or go.
     * Subschemas under allOf/anyOf/oneOf/not only constrain, so they are not closed.
     */
    static JsonNode closed(JsonNode schema, boolean declaresValue) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            var field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = copy.putObject("properties");
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), closed(p.getValue(), true)));
                }
                case "items" -> copy.set(key, closed(value, true));
                case "additionalProperties" -> copy.set(key, value.isObject() ? closed(value, true) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode subschemas = copy.putArray(key);
                    value.forEach(subschema -> subschemas.add(closed(subschema, false)));
                }
                case "not" -> copy.set(key, closed(value, false));
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        copy.set(key, value);
                    }
                }
            }
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean() && !copy.has("anyOf")) {
            copy.putArray("anyOf").add(type("integer")).add(type("string"));
        }
        boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                || schema.path("x-kubernetes-embedded-resource").asBoolean();
        if (declaresValue && "object".equals(schema.path("type").asText()) && !open
                && !schema.has("additionalProperties")) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }

    private static ObjectNode type(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }
}
