package org.safesessions.k8scheck.render;

/** A kustomization that cannot be rendered, or that uses a kustomize feature this renderer does not implement. */
public class KustomizeException extends RuntimeException {

    public KustomizeException(String message) {
        super(message);
    }
}
