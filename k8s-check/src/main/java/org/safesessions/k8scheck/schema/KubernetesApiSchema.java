package org.safesessions.k8scheck.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.safesessions.k8scheck.Manifests;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core Kubernetes kinds, checked against the Kubernetes API types of fabric8's kubernetes-model (pinned by the
 * Quarkus BOM), strictly: an unknown field, a wrong type (a string where the API wants a number or a boolean, a
 * number where it wants a string) or a misspelt kind or apiVersion is refused, as {@code kubectl apply} with
 * strict field validation refuses it. fabric8's types accept any field into {@code additionalProperties}; that
 * escape hatch is switched off here.
 */
public final class KubernetesApiSchema {

    /** The API versions this suite uses, each with its type. Another kind or version is refused. */
    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final ObjectMapper STRICT = strictMapper();

    private KubernetesApiSchema() {
    }

    public static boolean knows(JsonNode object) {
        return TYPES.containsKey(typeKey(object));
    }

    /** What is wrong with a core object, or nothing. */
    public static Optional<String> violation(JsonNode object) {
        Class<?> type = TYPES.get(typeKey(object));
        if (type == null) {
            return Optional.of(Manifests.id(object) + ": " + typeKey(object)
                    + " is not a kind of the Kubernetes API this suite uses");
        }
        return read(object, type, Manifests.id(object));
    }

    /** The metadata of any object, custom resources included (their CRD schemas leave it open). */
    public static Optional<String> metadataViolation(JsonNode object) {
        return read(object.path("metadata"), ObjectMeta.class, Manifests.id(object) + " metadata");
    }

    private static Optional<String> read(JsonNode node, Class<?> type, String what) {
        try {
            STRICT.treeToValue(node, type);
            return Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? mapping.getPathReference() : "";
            return Optional.of(what + ": " + firstLine(message) + " at " + shortPath(path));
        }
    }

    private static String typeKey(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + Manifests.kind(object);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Jackson's path without the package names: {@code Deployment["spec"]->DeploymentSpec["replicas"]}. */
    private static String shortPath(String path) {
        return path.replaceAll("[a-z0-9_.]+\\.([A-Z])", "$1");
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    /** fabric8 collects unknown fields with {@code @JsonAnySetter}; without it they are errors. */
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // The API server is strict about scalar types; Jackson's lenient coercions are all switched off.
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
