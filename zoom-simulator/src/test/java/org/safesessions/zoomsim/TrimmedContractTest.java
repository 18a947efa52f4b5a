package org.safesessions.zoomsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.safesessions.zoomsim.validation.ZoomContract;

/** The trimmed contract holds exactly the operations the suite uses, and nothing to read. */
class TrimmedContractTest {

    private static JsonNode trimmedSpec() throws IOException {
        try (InputStream in = ZoomContract.class.getResourceAsStream(ZoomContract.SPEC_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void holdsExactlyTheOperationsTheSuiteUses() throws IOException {
        Set<String> operations = new TreeSet<>();
        trimmedSpec().path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> operations.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        assertEquals(new TreeSet<>(Set.of(
                "POST /users/{userId}/meetings",
                "GET /users/{userId}/meetings",
                "GET /meetings/{meetingId}",
                "PATCH /meetings/{meetingId}",
                "DELETE /meetings/{meetingId}",
                "POST /meetings/{meetingId}/registrants",
                "GET /meetings/{meetingId}/registrants",
                "PUT /meetings/{meetingId}/registrants/status",
                "GET /users/{userId}/settings",
                "PATCH /users/{userId}/settings",
                "PUT /meetings/{meetingId}/status")), operations);
    }

    @Test
    void keepsZoomsServerAndVersion() throws IOException {
        JsonNode spec = trimmedSpec();
        assertEquals("3.0.0", spec.path("openapi").asText());
        assertEquals("2.0.0", spec.at("/info/version").asText());
        assertEquals("https://api.zoom.us/v2", spec.at("/servers/0/url").asText());
    }

    @Test
    void examplesAreStripped() throws IOException {
        String text = trimmedSpec().toString();
        assertFalse(text.contains("\"example\""));
        assertFalse(text.contains("\"x-enum-descriptions\""));
    }

    @Test
    void loadsIntoTheValidatorWithoutParseProblems() {
        // The validator refuses a spec with any parse message, so building it is the check.
        ZoomContract.loadValidator();
    }
}
