package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.safesessions.zoomsim.state.AccessTokens;
import org.safesessions.zoomsim.state.Fault;
import org.safesessions.zoomsim.state.FaultPlan;
import org.safesessions.zoomsim.state.LoggedRequest;
import org.safesessions.zoomsim.state.RateLimitCategory;
import org.safesessions.zoomsim.state.RateLimiter;
import org.safesessions.zoomsim.state.RequestLog;
import org.safesessions.zoomsim.state.ZoomApiException;
import org.safesessions.zoomsim.validation.ContractViolation;
import org.safesessions.zoomsim.validation.ReceivedRequest;
import org.safesessions.zoomsim.validation.ZoomContract;

/**
 * What every request to the simulated Zoom goes through before its operation runs, in
 * the order a client would meet it: logged, then any planned fault, then (for the
 * Meeting API) the bearer token, the account's per-second rate limit, then the contract. Resources call it explicitly
 * because a JAX-RS filter cannot see the raw body the contract check needs.
 */
@ApplicationScoped
public class ZoomApiGate {

    private static final String BEARER = "bearer ";
    private static final String PER_SECOND_LIMIT_MESSAGE =
            "You have reached the maximum per-second rate limit for this API. Try again later.";

    @Inject
    HttpServerRequest http;

    @Inject
    RequestLog requestLog;

    @Inject
    FaultPlan faults;

    @Inject
    AccessTokens tokens;

    @Inject
    ZoomContract contract;

    @Inject
    RateLimiter rateLimits;

    @Inject
    ObjectMapper objectMapper;

    /** A Meeting API request (under /v2): needs a token and must match the contract. */
    public Response api(String body, Supplier<Response> operation) {
        return admit(body, true, true, request -> operation.get());
    }

    /** A token request: faults apply, but it checks its own credentials and is not in the contract. */
    public Response oauth(String body, Function<ReceivedRequest, Response> operation) {
        return admit(body, true, false, operation);
    }

    /**
     * A /v2 request no resource serves: refused by the contract check in Zoom's shape.
     * Faults are skipped: this runs on the event loop, where a planned delay must not sleep.
     */
    public Response unmatched(Supplier<Response> fallback) {
        return admit("", false, true, request -> fallback.get());
    }

    /** Reads a body the contract check has already accepted. */
    public <T> T bodyAs(String body, Class<T> type) {
        try {
            return objectMapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw ZoomApiException.invalidParameter("Request body cannot be read: " + e.getOriginalMessage());
        }
    }

    private Response admit(String body, boolean faultsApply, boolean meetingApi,
                           Function<ReceivedRequest, Response> operation) {
        long sequence = requestLog.nextSequence();
        Instant arrived = Instant.now();
        ReceivedRequest request = received(body);
        Response response;
        try {
            response = answer(request, faultsApply, meetingApi, operation);
        } catch (ZoomApiException refusal) {
            Response.ResponseBuilder answer = Response.status(refusal.httpStatus())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ZoomErrorBody(refusal.code(), refusal.getMessage()));
            refusal.headers().forEach(answer::header);
            response = answer.build();
        }
        requestLog.record(new LoggedRequest(sequence, arrived, request.method(),
                request.path(), request.query(), body == null ? "" : body,
                response.getStatus(),
                meetingApi ? RateLimitCategory.of(request.method(), request.path()).orElse(null) : null));
        return response;
    }

    private Response answer(ReceivedRequest request, boolean faultsApply, boolean meetingApi,
                            Function<ReceivedRequest, Response> operation) {
        Optional<Fault> fault = faultsApply ? faults.claim(request.method(), request.path()) : Optional.empty();
        if (fault.isPresent()) {
            pause(fault.get().delayMs());
            if (fault.get().answersWithError()) {
                return faultAnswer(fault.get());
            }
        }
        if (meetingApi) {
            if (!hasValidToken(request)) {
                return zoomError(401, new ZoomErrorBody(124, "Invalid access token."));
            }
            Optional<RateLimitCategory> category = RateLimitCategory.of(request.method(), request.path());
            if (category.isPresent() && !rateLimits.admit(category.get(), Instant.now())) {
                return rateLimited(category.get());
            }
            List<ContractViolation> violations = contract.check(request);
            if (!violations.isEmpty()) {
                return contractRefusal(violations);
            }
        }
        return operation.apply(request);
    }

    private boolean hasValidToken(ReceivedRequest request) {
        String authorization = request.firstHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return tokens.isValid(authorization.substring(BEARER.length()).trim());
    }

    private static Response contractRefusal(List<ContractViolation> violations) {
        ContractViolation first = violations.getFirst();
        return switch (first.kind()) {
            case UNKNOWN_PATH -> zoomError(404, new ZoomErrorBody(300, first.message()));
            case METHOD_NOT_ALLOWED -> zoomError(405, new ZoomErrorBody(300, first.message()));
            case INVALID -> zoomError(400, new ZoomErrorBody(300,
                    "Validation Failed. " + String.join("; ",
                            violations.stream().map(ContractViolation::describe).distinct().toList()),
                    violations.stream()
                            .map(v -> new ZoomErrorBody.FieldError(v.field(), v.message()))
                            .distinct()
                            .toList()));
        };
    }

    /** Zoom's answer over a per-second limit: try again in the next second. */
    private Response rateLimited(RateLimitCategory category) {
        return Response.status(429)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ZoomErrorBody(429, PER_SECOND_LIMIT_MESSAGE))
                .header("Retry-After", 1)
                .header("X-RateLimit-Category", category.label())
                .header("X-RateLimit-Type", "Per-second-Limit")
                .header("X-RateLimit-Limit", rateLimits.limit(category))
                .header("X-RateLimit-Remaining", 0)
                .build();
    }

    private static Response faultAnswer(Fault fault) {
        int status = fault.status();
        String message = fault.message() != null ? fault.message()
                : status == 429 ? PER_SECOND_LIMIT_MESSAGE
                : "Simulated fault: HTTP " + status + ".";
        Response.ResponseBuilder answer = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ZoomErrorBody(status, message));
        if (fault.retryAfterSeconds() != null) {
            answer.header("Retry-After", fault.retryAfterSeconds());
        }
        return answer.build();
    }

    static Response zoomError(int status, ZoomErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static void pause(long delayMs) {
        if (delayMs <= 0) {
            return;
        }
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ReceivedRequest received(String body) {
        QueryStringDecoder uri = new QueryStringDecoder(http.uri());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : http.headers().names()) {
            headers.put(name, http.headers().getAll(name));
        }
        return new ReceivedRequest(http.method().name(), uri.path(), uri.parameters(), headers, body);
    }
}
