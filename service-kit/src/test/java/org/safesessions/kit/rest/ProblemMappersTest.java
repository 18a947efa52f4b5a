package org.safesessions.kit.rest;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.CharConversionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aBodyInABrokenEncodingIs400ProblemJson() {
        Response response = mappers.unreadableEncoding(new CharConversionException("Unexpected EOF in the middle of a 4-byte UTF-32 char"));
        assertEquals(400, response.getStatus());
        assertEquals(Problem.PROBLEM_JSON, response.getMediaType());
        Problem problem = (Problem) response.getEntity();
        assertFalse(problem.detail().contains("UTF-32 char"), "the detail is ours, not the parser's");
    }

    @Test
    void aParameterTheServiceParsesItselfIs400NamingIt() {
        Response response = mappers.badParameter(new BadParameter("Last-Event-ID", "must be a whole number"));
        assertEquals(400, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Last-Event-ID", problem.errors().getFirst().field());
        assertEquals("must be a whole number", problem.errors().getFirst().message());
    }
}
