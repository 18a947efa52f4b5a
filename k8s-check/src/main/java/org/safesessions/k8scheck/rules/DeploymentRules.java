package org.safesessions.k8scheck.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.safesessions.k8scheck.Manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every Deployment of the suite must have before ops can trust it: the three health probes on Quarkus's
 * {@code /q/health} endpoints (on a port the container declares), requests and limits (as valid quantities), a
 * locked-down security context, its own ServiceAccount without a token, a pinned image, and beside it a Service
 * (whose target port exists), a PodDisruptionBudget, an autoscaler and a NetworkPolicy.
 */
public final class DeploymentRules {

    /** A Kubernetes quantity, as the API server parses it ("512Mi", "1", "200m"; not "512MB"). */
    private static final Pattern QUANTITY =
            Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?");

    private DeploymentRules() {
    }

    public static List<String> violations(List<? extends JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        for (JsonNode deployment : objects) {
            if (Manifests.kind(deployment).equals("Deployment")) {
                check(deployment, objects, violations);
            }
        }
        return violations;
    }

    private static void check(JsonNode deployment, List<? extends JsonNode> objects, List<String> violations) {
        String id = Manifests.id(deployment);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            violations.add(id + ": automountServiceAccountToken must be false");
        }
        String account = pod.path("serviceAccountName").asText("default");
        if (account.equals("default")) {
            violations.add(id + ": runs as the namespace's default ServiceAccount; give it its own");
        } else if (objects.stream().noneMatch(o -> Manifests.kind(o).equals("ServiceAccount")
                && Manifests.name(o).equals(account)
                && !o.path("automountServiceAccountToken").asBoolean(true))) {
            violations.add(id + ": ServiceAccount " + account + " is missing or mounts its token");
        }
        JsonNode podSecurity = pod.path("securityContext");
        for (JsonNode container : pod.path("containers")) {
            String where = id + " container " + container.path("name").asText();
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                String path = container.path(probe).path("httpGet").path("path").asText("");
                if (!path.startsWith("/q/health")) {
                    violations.add(where + ": needs a " + probe + " on /q/health");
                }
            }
            List<String> portNames = new ArrayList<>();
            List<Integer> portNumbers = new ArrayList<>();
            container.path("ports").forEach(port -> {
                portNames.add(port.path("name").asText());
                portNumbers.add(port.path("containerPort").asInt());
            });
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode port = container.path(probe).path("httpGet").path("port");
                if (!port.isMissingNode() && !(port.isTextual() ? portNames.contains(port.asText())
                        : portNumbers.contains(port.asInt()))) {
                    violations.add(where + ": " + probe + " targets port " + port.asText()
                            + ", which the container does not declare");
                }
            }
            JsonNode resources = container.path("resources");
            for (String amount : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                JsonNode value = resources.at("/" + amount);
                if (value.isMissingNode()) {
                    violations.add(where + ": needs resources " + amount.replace('/', '.'));
                } else if (!QUANTITY.matcher(value.asText()).matches()) {
                    violations.add(where + ": resources " + amount.replace('/', '.') + " '" + value.asText()
                            + "' is not a Kubernetes quantity");
                }
            }
            JsonNode security = container.path("securityContext");
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                violations.add(where + ": allowPrivilegeEscalation must be false");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                violations.add(where + ": readOnlyRootFilesystem must be true");
            }
            if (security.path("privileged").asBoolean(false)) {
                violations.add(where + ": must not be privileged");
            }
            boolean dropsAll = false;
            for (JsonNode capability : security.path("capabilities").path("drop")) {
                dropsAll |= capability.asText().equals("ALL");
            }
            if (!dropsAll) {
                violations.add(where + ": must drop ALL capabilities");
            }
            if (!effective(security, podSecurity, "runAsNonRoot").asBoolean(false)
                    || effective(security, podSecurity, "runAsUser").asInt(-1) == 0) {
                violations.add(where + ": must run as non-root (runAsNonRoot: true, runAsUser not 0)");
            }
            if (!effective(security, podSecurity, "seccompProfile").path("type").asText().equals("RuntimeDefault")) {
                violations.add(where + ": needs seccompProfile RuntimeDefault");
            }
            String image = container.path("image").asText();
            if (!image.contains("@") && (!image.substring(image.lastIndexOf('/') + 1).contains(":")
                    || image.endsWith(":latest"))) {
                violations.add(where + ": image " + image + " must be pinned to a tag or digest");
            }
        }
        companions(deployment, objects, violations);
    }

    /** A container's setting, or the pod's when the container leaves it out. */
    private static JsonNode effective(JsonNode container, JsonNode pod, String field) {
        return container.has(field) ? container.get(field) : pod.path(field);
    }

    private static void companions(JsonNode deployment, List<? extends JsonNode> objects, List<String> violations) {
        String name = Manifests.name(deployment);
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        boolean service = false;
        boolean budget = false;
        boolean autoscaler = false;
        boolean networkPolicy = false;
        for (JsonNode o : objects) {
            switch (Manifests.kind(o)) {
                case "Service" -> {
                    if (selects(o.path("spec").path("selector"), podLabels)) {
                        service = true;
                        targetPorts(o, deployment, violations);
                    }
                }
                case "PodDisruptionBudget" ->
                        budget |= selects(o.path("spec").path("selector").path("matchLabels"), podLabels);
                case "HorizontalPodAutoscaler" -> autoscaler |= o.path("spec").path("scaleTargetRef")
                        .path("kind").asText().equals("Deployment")
                        && o.path("spec").path("scaleTargetRef").path("name").asText().equals(name);
                case "NetworkPolicy" -> {
                    JsonNode selector = o.path("spec").path("podSelector").path("matchLabels");
                    networkPolicy |= !selector.isEmpty() && selects(selector, podLabels);
                }
                default -> {
                }
            }
        }
        String id = Manifests.id(deployment);
        if (!service) {
            violations.add(id + ": no Service selects its pods");
        }
        if (!budget) {
            violations.add(id + ": no PodDisruptionBudget selects its pods");
        }
        if (!autoscaler) {
            violations.add(id + ": no HorizontalPodAutoscaler scales it");
        }
        if (!networkPolicy) {
            violations.add(id + ": no NetworkPolicy of its own opens its traffic");
        }
    }

    /** A Service's named target ports must be ports the pods declare, or it routes nowhere. */
    private static void targetPorts(JsonNode service, JsonNode deployment, List<String> violations) {
        List<String> names = new ArrayList<>();
        deployment.at("/spec/template/spec/containers").forEach(c ->
                c.path("ports").forEach(p -> names.add(p.path("name").asText())));
        for (JsonNode port : service.path("spec").path("ports")) {
            JsonNode target = port.path("targetPort");
            if (target.isTextual() && !names.contains(target.asText())) {
                violations.add(Manifests.id(service) + ": targetPort " + target.asText() + " is not a port of "
                        + Manifests.id(deployment));
            }
        }
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var label = fields.next();
            if (!label.getValue().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
