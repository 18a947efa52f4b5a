package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safesessions.k8scheck.rules.ConfigKeyRules;
import org.safesessions.k8scheck.rules.DeploymentRules;
import org.safesessions.k8scheck.rules.KafkaAclRules;
import org.safesessions.k8scheck.rules.SecretRules;
import org.safesessions.k8scheck.schema.CrdSchemas;
import org.safesessions.k8scheck.schema.KubernetesApiSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything checked of a rendered overlay: each object against the Kubernetes API or its operator's CRD schema,
 * then the suite's rules (Deployments, secrets, config keys, Kafka logins and ACLs). An empty list means ops can
 * apply it.
 */
public final class ManifestValidation {

    private ManifestValidation() {
    }

    /**
     * @param repository        the repository root, where the services' application.properties are read
     * @param demoPeopleAllowed true only for the dev overlay, whose realm carries the demo people of SPEC §9
     */
    public static List<String> violations(List<ObjectNode> objects, Path repository, boolean demoPeopleAllowed) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode object : objects) {
            if (KubernetesApiSchema.knows(object)) {
                KubernetesApiSchema.violation(object).ifPresent(violations::add);
            } else if (CrdSchemas.knows(object)) {
                violations.addAll(CrdSchemas.violations(object));
            } else {
                violations.add(Manifests.id(object) + ": " + object.path("apiVersion").asText()
                        + " is neither a Kubernetes API kind the suite uses nor one of its operators' kinds");
            }
        }
        violations.addAll(DeploymentRules.violations(objects));
        violations.addAll(SecretRules.violations(objects, demoPeopleAllowed));
        violations.addAll(ConfigKeyRules.violations(objects, repository));
        violations.addAll(KafkaAclRules.violations(objects, repository));
        return violations;
    }
}
