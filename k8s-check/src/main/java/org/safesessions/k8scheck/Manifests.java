package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading Kubernetes YAML (several documents a file) into JSON trees, and naming an object in messages. */
public final class Manifests {

    public static final ObjectMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** Every non-empty document of a YAML file; a document that is not a mapping is refused, as kubectl does. */
    public static List<JsonNode> readDocuments(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every document of a file of Kubernetes objects, each checked to be a mapping with a kind. */
    public static List<ObjectNode> readObjects(Path file) {
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode document : readDocuments(file)) {
            if (!(document instanceof ObjectNode object) || !document.path("kind").isTextual()) {
                throw new IllegalArgumentException(file + ": a document without a kind is not a Kubernetes object");
            }
            objects.add(object);
        }
        return objects;
    }

    public static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    public static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** {@code Kind/name}, how every message names an object. */
    public static String id(JsonNode object) {
        return kind(object) + "/" + name(object);
    }
}
