package org.safesessions.k8scheck.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.safesessions.k8scheck.Manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Takes from an operator's CRD the one schema the suite validates against: the served storage version's
 * {@code openAPIV3Schema}, descriptions stripped (they are most of the bytes and none of the rules).
 * <p>
 * Refresh after an operator upgrade: {@code java ... CrdSchemaExtraction <k8s-crds dir> <resources dir>}
 * (k8s-check/README.md shows the Maven command).
 */
public final class CrdSchemaExtraction {

    private static final ObjectMapper YAML = new YAMLMapper()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR);

    private CrdSchemaExtraction() {
    }

    public static void main(String[] args) throws IOException {
        Path crds = Path.of(args[0]);
        Path resources = Path.of(args[1]);
        for (VendoredCrds.Crd crd : VendoredCrds.EXTRACTED) {
            Path target = resources.resolve(crd.resource());
            Files.createDirectories(target.getParent());
            Files.writeString(target, render(crd, crds));
        }
    }

    /** The vendored file's text for one kind, from the operator's CRD in {@code crds}. */
    public static String render(VendoredCrds.Crd crd, Path crds) throws IOException {
        return YAML.writeValueAsString(extract(crd, crds));
    }

    static ObjectNode extract(VendoredCrds.Crd crd, Path crds) {
        Path file = crds.resolve(crd.sourceFile());
        String group = crd.apiVersion().substring(0, crd.apiVersion().indexOf('/'));
        String version = crd.apiVersion().substring(crd.apiVersion().indexOf('/') + 1);
        for (JsonNode document : Manifests.readDocuments(file)) {
            JsonNode spec = document.path("spec");
            if (!"CustomResourceDefinition".equals(document.path("kind").asText())
                    || !group.equals(spec.path("group").asText())
                    || !crd.kind().equals(spec.path("names").path("kind").asText())) {
                continue;
            }
            for (JsonNode candidate : spec.path("versions")) {
                if (version.equals(candidate.path("name").asText()) && candidate.path("served").asBoolean()) {
                    ObjectNode vendored = JsonNodeFactory.instance.objectNode();
                    vendored.put("source", "../shared/contracts/k8s-crds/" + crd.sourceFile());
                    vendored.put("changes", "openAPIV3Schema of " + crd.apiVersion() + " only, descriptions stripped");
                    vendored.put("operator", crd.operator());
                    vendored.put("operatorVersion", crd.operatorVersion());
                    vendored.put("apiVersion", crd.apiVersion());
                    vendored.put("kind", crd.kind());
                    vendored.set("openAPIV3Schema",
                            withoutDescriptions(candidate.path("schema").path("openAPIV3Schema")));
                    return vendored;
                }
            }
        }
        throw new IllegalStateException(file + " has no served " + crd.apiVersion() + " " + crd.kind());
    }

    /** A copy without the {@code description} keywords (a property named "description" is kept). */
    private static JsonNode withoutDescriptions(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
                var field = it.next();
                if (field.getKey().equals("properties")) {
                    ObjectNode properties = copy.putObject("properties");
                    field.getValue().fields().forEachRemaining(property ->
                            properties.set(property.getKey(), withoutDescriptions(property.getValue())));
                } else if (!field.getKey().equals("description")) {
                    copy.set(field.getKey(), withoutDescriptions(field.getValue()));
                }
            }
            return copy;
        }
        if (schema.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            schema.forEach(element -> copy.add(withoutDescriptions(element)));
            return copy;
        }
        return schema;
    }
}
