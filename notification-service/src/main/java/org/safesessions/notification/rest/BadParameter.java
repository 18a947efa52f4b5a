package org.safesessions.notification.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safesessions.kit.rest.Problem;

import java.util.List;

/** A parameter or header this service parses itself (e.g. Last-Event-ID): 400 naming it, like bean validation does. */
public class BadParameter extends RuntimeException {

    private final String field;

    public BadParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response badParameter(BadParameter e) {
            return new Problem("about:blank", "Bad Request", 400, e.field + ": " + e.getMessage(), null,
                    List.of(new Problem.FieldError(e.field, e.getMessage()))).toResponse();
        }
    }
}
