package org.safesessions.k8scheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safesessions.k8scheck.render.Kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repository this module checks, found from the test's working directory, and its rendered overlays. */
final class Repository {

    /** The four services of SPEC §1, each with its folder, Deployment, database and port. */
    static final List<String> SERVICES =
            List.of("consent-service", "session-service", "safeguarding-service", "notification-service");

    static final Path ROOT = findRoot();

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Repository() {
    }

    static Path k8s(String relative) {
        return ROOT.resolve("k8s").resolve(relative);
    }

    /** An overlay rendered once per test run; callers get their own copies to change. */
    static List<ObjectNode> overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> Kustomize.build(k8s("overlays/" + n))).stream()
                .map(ObjectNode::deepCopy).toList();
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository with k8s/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
