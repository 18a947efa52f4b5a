package org.safesessions.session.rest;

import jakarta.ws.rs.BadRequestException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times in query parameters, parsed here: a JAX-RS conversion failure of {@code OffsetDateTime} surfaces as a 404,
 * and a malformed query must be a 400 naming the parameter.
 */
final class QueryTimes {

    private QueryTimes() {
    }

    static OffsetDateTime parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 time with offset, e.g. 2030-01-31T10:00:00Z");
        }
    }
}
