package org.safesessions.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safesessions.kit.domain.ConflictException;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.outage.Outage;
import org.safesessions.kit.staff.StaffDirectoryUnavailableException;

import java.io.CharConversionException;
import java.time.DateTimeException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error as {@code application/problem+json}. Details name the field or the rule, never the value sent,
 * so no personal data is echoed back or logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response ruleViolated(RuleViolationException e) {
        return new Problem("https://safesessions.org/problems/" + e.rule(), "Rule violated", 422, e.getMessage(),
                e.rule(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return new Problem("https://safesessions.org/problems/" + e.rule(), "Conflict", 409, e.getMessage(),
                e.rule(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(RecordNotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    /** Keycloak cannot say who the staff are: try again shortly, rather than a rule decided on a guess. */
    @ServerExceptionMapper
    public Response staffDirectoryUnavailable(StaffDirectoryUnavailableException e) {
        return Response.fromResponse(Problem.of(503, "Service Unavailable",
                "the staff directory (Keycloak) is unavailable; try again shortly").toResponse())
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return new Problem("about:blank", "Bad Request", 400, "invalid " + fields, null, errors).toResponse();
    }

    /** A parameter the service parses itself: 400 naming it, in the same shape as a bean-validation failure. */
    @ServerExceptionMapper
    public Response badParameter(BadParameter e) {
        return new Problem("about:blank", "Bad Request", 400, e.field() + ": " + e.getMessage(), null,
                List.of(new Problem.FieldError(e.field(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return badBody(e);
    }

    /** More specific than Quarkus REST's built-in mapper for the same exception, so ours answers. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return badBody(e);
    }

    /**
     * A body Jackson took for UTF-32 or UTF-16 (by its first bytes) that then breaks off or holds invalid characters:
     * an I/O failure rather than a JSON one, but still the client's bad body.
     */
    @ServerExceptionMapper
    public Response unreadableEncoding(CharConversionException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "the body is not valid JSON in UTF-8").toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return bearerRequired();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return bearerRequired();
    }

    /** A date or number beyond what can be represented (e.g. a consent "valid for" period that overflows). */
    @ServerExceptionMapper
    public Response outOfRange(DateTimeException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "a date or time is out of range").toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "your role does not allow this").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return badBody(json);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && (e.getCause() instanceof IllegalArgumentException
                || e.getCause() instanceof java.time.DateTimeException)) {
            // a query or path parameter that does not convert (page=abc, an id that is not a UUID, at=yesterday)
            return Problem.of(Response.Status.BAD_REQUEST, "a path or query parameter is malformed").toResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status == 404 ? "not found" : status >= 500 ? "the request could not be completed" : e.getMessage();
        return Problem.of(status, title, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Outage.isOutage(e)) {
            // the database is away for a moment: say so, and when to try again, rather than a bare 500
            return Response.fromResponse(Problem.of(503, "Service Unavailable",
                    "a store this service depends on is unavailable; try again shortly").toResponse())
                    .header("Retry-After", "5").build();
        }
        if (Outage.isRejectedValue(e)) {
            return Problem.of(Response.Status.BAD_REQUEST,
                    "a value is out of range or contains characters that cannot be stored").toResponse();
        }
        String reference = UUID.randomUUID().toString();
        // kinds and places only: exception messages (e.g. a constraint's "Key (col)=(value)") may carry personal data
        LOG.errorf("unexpected error, reference %s: %s", reference, describe(e));
        return Problem.of(500, "Internal Server Error", "unexpected error; reference " + reference).toResponse();
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 2000; t = t.getCause()) {
            sb.append(sb.isEmpty() ? "" : " <- ").append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) {
                sb.append(" at ").append(trace[0]);
            }
        }
        return sb.toString();
    }

    private static Response bearerRequired() {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "a valid bearer token is required")
                .toResponse()).header("WWW-Authenticate", "Bearer").build();
    }

    private static Response badBody(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            message = invalid.getTargetType().isEnum()
                    ? "must be one of " + List.of(invalid.getTargetType().getEnumConstants())
                    : "must be a valid " + invalid.getTargetType().getSimpleName();
        } else if (e instanceof JsonMappingException mapping && mapping.getPath().isEmpty()) {
            message = "the body is not valid JSON";
        } else if (e instanceof JsonMappingException) {
            message = "has the wrong type";
        } else {
            message = "the body is not valid JSON";
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? message : field + ": " + message;
        return new Problem("about:blank", "Bad Request", 400, detail, null, errors).toResponse();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** "create.request.guardians[0].email" → "guardians[0].email": drop the method and parameter names. */
    private static String fieldName(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        int index = 0;
        for (Path.Node node : v.getPropertyPath()) {
            index++;
            if (index <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                    sb.setLength(0);
                    sb.append(node.getName());
                }
                continue;
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                if (index == 3 && !sb.isEmpty()) {
                    sb.setLength(0); // a property of the request body: name it without the parameter
                }
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(node.getName());
                }
            }
        }
        return sb.isEmpty() ? "request" : sb.toString();
    }
}
