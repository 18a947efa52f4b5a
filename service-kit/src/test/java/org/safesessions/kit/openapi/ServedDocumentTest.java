package org.safesessions.kit.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.safesessions.kit.KitTestStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit's defaults put {@link OpenApiContract} on the document a service serves ({@code /q/openapi}), with the
 * local server, and store it in {@code target/openapi} (here: the kit's test application and its one test resource).
 */
@QuarkusTest
class ServedDocumentTest extends KitTestStack {

    @Test
    void theServedDocumentStatesSecurityAndTheEdgesErrors() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        assertEquals("bearer", doc.getString("components.securitySchemes.keycloak.scheme"));
        assertEquals(List.of("type", "title", "status"), doc.getList("components.schemas.Problem.required"));
        Map<String, Object> post = doc.getMap("paths.'/kit-test/things'.post");
        assertEquals(List.of(Map.of("keycloak", List.of("coordinator"))), post.get("security"), "with its roles");
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) post.get("responses");
        assertTrue(responses.keySet().containsAll(List.of("400", "401", "403", "406", "413", "415", "500", "503")),
                responses.keySet().toString());
        assertEquals(List.of(), doc.getList("paths.'/kit-test/webhook'.post.security"), "a signed webhook: security []");
        assertEquals("http://127.0.0.1:8080", doc.getString("servers[0].url"), "quarkus.http.port, unset here");
    }

    @Test
    void theStoredDocumentIsTheServedOne() throws Exception {
        String stored = Files.readString(Path.of("target/openapi/openapi.yaml"));
        assertTrue(stored.contains("keycloak:") && stored.contains("application/problem+json"), stored);
    }
}
