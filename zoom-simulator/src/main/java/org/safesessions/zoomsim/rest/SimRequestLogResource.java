package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.zoomsim.state.LoggedRequest;
import org.safesessions.zoomsim.state.RateLimitCategory;
import org.safesessions.zoomsim.state.RequestLog;

/** Test control: what the simulated Zoom has received, oldest first. */
@Path("/_sim/requests")
@Produces(MediaType.APPLICATION_JSON)
public class SimRequestLogResource {

    @Inject
    RequestLog requestLog;

    @Inject
    ObjectMapper objectMapper;

    /** A logged request; {@code json} is the body parsed, when it is JSON, so tests can look inside. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoggedRequestView(long sequence, Instant time, String method, String path,
                                    Map<String, List<String>> query, String body, JsonNode json, int status,
                                    RateLimitCategory category) {
    }

    /**
     * @param method only requests with this HTTP method
     * @param path   only requests whose whole path matches this regex
     */
    @GET
    public Response requests(@RestQuery String method, @RestQuery String path) {
        Pattern pathPattern;
        try {
            pathPattern = path == null ? null : Pattern.compile(path);
        } catch (PatternSyntaxException e) {
            return SimFaultResource.badRequest("path is not a valid regex: " + e.getDescription());
        }
        List<LoggedRequestView> views = requestLog.entries().stream()
                .filter(r -> method == null || r.method().equalsIgnoreCase(method))
                .filter(r -> pathPattern == null || pathPattern.matcher(r.path()).matches())
                .map(this::view)
                .toList();
        return Response.ok(views).build();
    }

    @DELETE
    public Response clear() {
        requestLog.clear();
        return Response.noContent().build();
    }

    private LoggedRequestView view(LoggedRequest r) {
        return new LoggedRequestView(r.sequence(), r.time(), r.method(), r.path(), r.query(), r.body(),
                parsed(r.body()), r.status(), r.category());
    }

    private JsonNode parsed(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return objectMapper.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }
}
