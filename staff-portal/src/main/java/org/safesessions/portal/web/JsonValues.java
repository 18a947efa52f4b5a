package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets templates read the services' JSON as they wrote it: {session.title}, {#for i in session.invitations}. The
 * portal keeps no model of its own of what the services own.
 */
public class JsonValues implements ValueResolver {

    void register(@Observes EngineBuilder engine) {
        engine.addValueResolver(this);
    }

    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof JsonNode;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        JsonNode base = (JsonNode) context.getBase();
        String name = context.getName();
        if (base.isArray()) {
            List<Object> items = unwrap(base);
            return CompletableFuture.completedFuture(switch (name) {
                case "size" -> items.size();
                case "isEmpty", "empty" -> items.isEmpty();
                default -> null;
            });
        }
        JsonNode value = base.get(name);
        if (value == null && name.equals("isEmpty")) {
            return CompletableFuture.completedFuture(base.isEmpty());
        }
        return CompletableFuture.completedFuture(value(value));
    }

    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isArray()) {
            return unwrap(node);
        }
        return node;
    }

    private static List<Object> unwrap(JsonNode array) {
        List<Object> items = new ArrayList<>(array.size());
        array.forEach(item -> items.add(value(item)));
        return items;
    }
}
