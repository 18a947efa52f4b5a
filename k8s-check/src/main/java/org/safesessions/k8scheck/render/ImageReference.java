package org.safesessions.k8scheck.render;

import com.fasterxml.jackson.databind.JsonNode;

/** An image reference split as kustomize's image transformer splits it: name, then a tag or a digest. */
record ImageReference(String name, String tag, String digest) {

    static ImageReference parse(String reference) {
        int at = reference.indexOf('@');
        if (at >= 0) {
            return new ImageReference(reference.substring(0, at), null, reference.substring(at + 1));
        }
        int colon = reference.lastIndexOf(':');
        if (colon > reference.lastIndexOf('/')) {
            return new ImageReference(reference.substring(0, colon), reference.substring(colon + 1), null);
        }
        return new ImageReference(reference, null, null);
    }

    /** The reference after one {@code images} entry ({@code name}, {@code newName}, {@code newTag}, {@code digest}). */
    static String rewrite(String reference, JsonNode entry) {
        ImageReference image = parse(reference);
        if (!image.name.equals(entry.path("name").asText())) {
            return reference;
        }
        String name = entry.hasNonNull("newName") ? entry.get("newName").asText() : image.name;
        if (entry.hasNonNull("digest")) {
            return name + "@" + entry.get("digest").asText();
        }
        if (entry.hasNonNull("newTag")) {
            return name + ":" + entry.get("newTag").asText();
        }
        return name + (image.digest != null ? "@" + image.digest : image.tag != null ? ":" + image.tag : "");
    }
}
