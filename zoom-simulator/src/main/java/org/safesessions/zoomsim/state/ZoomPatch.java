package org.safesessions.zoomsim.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Zoom's PATCH semantics for settings objects: fields sent replace, nested objects merge, the rest stays. */
public final class ZoomPatch {

    private ZoomPatch() {
    }

    /** Returns a new object; neither argument is changed, so stored documents stay immutable. */
    public static ObjectNode merged(ObjectNode base, ObjectNode patch) {
        ObjectNode result = base.deepCopy();
        mergeInto(result, patch);
        return result;
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode current = target.get(field.getKey());
            if (current instanceof ObjectNode currentObject && field.getValue() instanceof ObjectNode patchObject) {
                mergeInto(currentObject, patchObject);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
