package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Zoom's error shape; {@code errors} lists the fields of a failed validation, as Zoom does. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ZoomErrorBody(int code, String message, List<FieldError> errors) {

    public ZoomErrorBody(int code, String message) {
        this(code, message, List.of());
    }

    public record FieldError(String field, String message) {
    }
}
