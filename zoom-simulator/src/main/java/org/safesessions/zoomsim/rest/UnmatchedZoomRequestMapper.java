package org.safesessions.zoomsim.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request under /v2 that no resource method serves still goes through the gate, so it
 * is logged, needs a token, and is refused in Zoom's shape by the contract check
 * (unknown path: 404, wrong method: 405) rather than with an empty JAX-RS 404.
 */
public class UnmatchedZoomRequestMapper {

    @Inject
    ZoomApiGate gate;

    @Inject
    HttpServerRequest http;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return unmatched(e.getResponse());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return unmatched(e.getResponse());
    }

    private Response unmatched(Response plain) {
        if (!http.path().startsWith("/v2/")) {
            return plain;
        }
        // Reached only if the contract has an operation no resource serves: a simulator bug.
        return gate.unmatched(() -> ZoomApiGate.zoomError(501,
                new ZoomErrorBody(501, "The simulator does not implement " + http.method() + " " + http.path())));
    }
}
