package org.safesessions.kit.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationEdgesTest {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON_TYPE);

    enum Scope { GROUP, ONE_TO_ONE }

    static class Resource {
        @GET
        public Object list(@QueryParam("page") int page, @QueryParam("at") LocalDate at, @QueryParam("scope") Scope scope) {
            return null;
        }

        @GET
        @Produces("text/csv;qs=0.5")
        public String csv() {
            return "";
        }

        @POST
        @Consumes(MediaType.WILDCARD)
        public Object webhook(@PathParam("id") UUID id, String body) {
            return null;
        }

        public Object paged(@jakarta.ws.rs.BeanParam PageRequest page) {
            return null;
        }
    }

    @Test
    void htmlXmlAndPlainTextAreNotAcceptableForJson() {
        assertNull(OperationEdges.negotiate("text/html", JSON));
        assertNull(OperationEdges.negotiate("application/xml", JSON));
        assertNull(OperationEdges.negotiate("text/plain", JSON));
        assertNull(OperationEdges.negotiate("text/csv", JSON));
        assertNull(OperationEdges.negotiate("application/json;q=0", JSON));
    }

    @Test
    void wildcardsNoAcceptQValuesAndCharsetsGetJson() {
        for (String accept : new String[]{null, "", "*/*", "application/*", "application/json",
                "application/json;charset=utf-8", "text/html, application/json;q=0.5", "text/html;q=0.9, */*;q=0.1"}) {
            assertEquals(MediaType.APPLICATION_JSON_TYPE, OperationEdges.negotiate(accept, JSON), "Accept " + accept);
        }
    }

    @Test
    void csvIsChosenOnlyWhenAskedFor() {
        List<MediaType> report = List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("text/csv;qs=0.5"));
        assertEquals("json", OperationEdges.negotiate("*/*", report).getSubtype());
        assertEquals("csv", OperationEdges.negotiate("text/csv", report).getSubtype());
        assertEquals("csv", OperationEdges.negotiate("text/*", report).getSubtype());
    }

    @Test
    void anOperationWithoutProducesAnswersJsonAndTakesJson() throws Exception {
        OperationContract list = OperationContract.of(Resource.class.getMethod("list", int.class, LocalDate.class, Scope.class));
        assertTrue(list.producesByDefault());
        assertEquals(JSON, list.produces());
        assertEquals(JSON, list.consumes());
    }

    @Test
    void declaredMediaTypesAreKept() throws Exception {
        OperationContract csv = OperationContract.of(Resource.class.getMethod("csv"));
        assertEquals("csv", csv.produces().get(0).getSubtype());
        OperationContract webhook = OperationContract.of(Resource.class.getMethod("webhook", UUID.class, String.class));
        assertTrue(webhook.consumes().get(0).isWildcardType());
    }

    @Test
    void pathQueryAndBeanParametersAreCheckedByType() throws Exception {
        OperationContract list = OperationContract.of(Resource.class.getMethod("list", int.class, LocalDate.class, Scope.class));
        assertEquals(List.of("page", "at", "scope"), list.params().stream().map(OperationContract.Param::name).toList());
        assertThrows(RuntimeException.class, () -> list.params().get(0).parse().apply("99999999999"));
        assertThrows(RuntimeException.class, () -> list.params().get(1).parse().apply("2026-13-45"));
        assertThrows(RuntimeException.class, () -> list.params().get(2).parse().apply("NOPE"));
        assertEquals(Scope.GROUP, list.params().get(2).parse().apply("GROUP"));
        OperationContract webhook = OperationContract.of(Resource.class.getMethod("webhook", UUID.class, String.class));
        assertTrue(webhook.params().get(0).inPath());
        assertThrows(RuntimeException.class, () -> webhook.params().get(0).parse().apply("not-a-uuid"));
        OperationContract paged = OperationContract.of(Resource.class.getMethod("paged", PageRequest.class));
        assertEquals(List.of("page", "size"), paged.params().stream().map(OperationContract.Param::name).toList());
    }
}
