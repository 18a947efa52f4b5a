package org.safesessions.kit.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.safesessions.kit.rest.Problem;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Holds every operation to what it declares (SPEC §8), in one place for all services:
 * <ul>
 * <li>an {@code Accept} that admits none of its media types is 406 — never an HTML, XML or {@code toString}
 * rendering of the answer, which Quarkus REST would otherwise pick for a method without {@code @Produces};</li>
 * <li>a body that is not JSON (or what the method consumes), or has no {@code Content-Type}, is 415;</li>
 * <li>a path or query parameter that does not convert to its type is 400 naming the parameter;</li>
 * <li>a JSON answer is labelled {@code application/json}, whatever wildcard or q-value the client sent.</li>
 * </ul>
 */
public class OperationEdges {

    private static final String NEGOTIATED = OperationEdges.class.getName() + ".json";

    private final Map<Method, OperationContract> contracts = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        OperationContract contract = contracts.computeIfAbsent(method, OperationContract::of);
        MediaType answer = negotiate(request.getHeaderString(HttpHeaders.ACCEPT), contract.produces());
        if (answer == null) {
            return Problem.of(Response.Status.NOT_ACCEPTABLE, "this operation answers "
                    + contract.produces().stream().map(OperationEdges::bare).collect(Collectors.joining(" or "))).toResponse();
        }
        if (contract.producesByDefault()) {
            request.setProperty(NEGOTIATED, Boolean.TRUE);
        }
        if (hasBody(request) && !acceptsBody(request.getMediaType(), contract.consumes())) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "the body must be "
                    + contract.consumes().stream().map(OperationEdges::bare).collect(Collectors.joining(" or "))).toResponse();
        }
        List<Problem.FieldError> errors = badParams(request, contract);
        if (!errors.isEmpty()) {
            return new Problem("about:blank", "Bad Request", 400, "invalid "
                    + errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", ")), null, errors).toResponse();
        }
        return null;
    }

    /** Quarkus REST labels a default-JSON answer after the Accept it matched ({@code application/*} → octet-stream). */
    @ServerResponseFilter
    public void label(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(NEGOTIATED) == null || !response.hasEntity()
                || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(OperationContract.JSON) || type.isWildcardSubtype()
                || type.getParameters().containsKey("q")) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, OperationContract.JSON);
        }
    }

    /**
     * The declared type the client accepts most (q × the declaration's qs); {@code null} when it accepts none. No
     * {@code Accept} means anything (RFC 9110 §12.5.1).
     */
    static MediaType negotiate(String accept, List<MediaType> produces) {
        if (accept == null || accept.isBlank()) {
            return produces.get(0);
        }
        MediaType best = null;
        double bestScore = 0;
        for (String range : accept.split(",")) {
            MediaType acceptable;
            try {
                acceptable = MediaType.valueOf(range.trim());
            } catch (IllegalArgumentException e) {
                continue; // HttpEdge refuses malformed headers before this; one odd range alone admits nothing
            }
            double q = quality(acceptable.getParameters().get("q"));
            for (MediaType declared : produces) {
                double score = q * quality(declared.getParameters().get("qs"));
                if (score > bestScore && acceptable.isCompatible(declared)) {
                    best = declared;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    private static double quality(String value) {
        if (value == null) {
            return 1;
        }
        try {
            double q = Double.parseDouble(value);
            return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean acceptsBody(MediaType sent, List<MediaType> consumes) {
        if (consumes.stream().anyMatch(MediaType::isWildcardType)) {
            return true;
        }
        if (sent == null || sent.isWildcardType() || sent.isWildcardSubtype()) {
            return false;
        }
        return consumes.stream().anyMatch(c -> c.isCompatible(sent)
                || (c.isCompatible(OperationContract.JSON) && sent.getSubtype().endsWith("+json")
                && sent.getType().equals(c.getType())));
    }

    /** Details name the parameter and the type it needs, never the value sent. */
    private static List<Problem.FieldError> badParams(ContainerRequestContext request, OperationContract contract) {
        List<Problem.FieldError> errors = new ArrayList<>();
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (OperationContract.Param param : contract.params()) {
            List<String> values = param.inPath() ? path.get(param.name()) : query.get(param.name());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    param.parse().apply(value);
                } catch (RuntimeException e) {
                    errors.add(new Problem.FieldError(param.name(), "must be " + param.typeName()));
                    break;
                }
            }
        }
        return errors;
    }

    private static String bare(MediaType type) {
        return type.getType() + "/" + type.getSubtype();
    }
}
