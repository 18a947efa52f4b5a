package org.safesessions.session;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is a contract: every operation has a unique camelCase operationId and a summary, declares a
 * success answer, and every 4xx it declares itself is problem+json.
 */
@QuarkusTest
class OpenApiContractTest extends SessionTestStack {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Map<String, Object>>> operations() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<Map.Entry<String, Map<String, Object>>> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (METHODS.contains(method)) {
                operations.add(Map.entry(method.toUpperCase() + " " + path, (Map<String, Object>) op));
            }
        }));
        return operations;
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdAndASummary() {
        List<String> offenders = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var op : operations()) {
            Object id = op.getValue().get("operationId");
            if (!(id instanceof String s) || !s.matches("[a-z][A-Za-z0-9]*") || !ids.add(s)) {
                offenders.add(op.getKey() + " operationId " + id);
            }
            if (!(op.getValue().get("summary") instanceof String summary) || summary.isBlank()) {
                offenders.add(op.getKey() + " has no summary");
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDeclaresItsSuccessAndItsErrorsAsProblemJson() {
        List<String> offenders = new ArrayList<>();
        for (var op : operations()) {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.getValue().get("responses");
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                offenders.add(op.getKey() + " declares no success answer");
            }
            responses.forEach((code, response) -> {
                if (Set.of("400", "404", "409", "422").contains(code)) {
                    Map<String, Object> content = (Map<String, Object>) response.getOrDefault("content", Map.of());
                    if (!content.containsKey("application/problem+json")) {
                        offenders.add(op.getKey() + " " + code + " is not application/problem+json");
                    }
                }
            });
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }
}
