package org.safesessions.zoomsim.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.safesessions.zoomsim.state.Fault;
import org.safesessions.zoomsim.state.FaultPlan;

/** Test control: make the simulated Zoom slow or failing for the next few matching requests. */
@Path("/_sim/faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimFaultResource {

    @Inject
    FaultPlan faults;

    /**
     * @param path  regex over the whole request path; omitted: every Zoom and token request
     * @param times how many matching requests it affects (default 1; negative: until cleared)
     */
    public record FaultRequest(String method, String path, Integer status, Integer retryAfterSeconds,
                               Long delayMs, String message, Integer times) {
    }

    @POST
    public Response addFault(FaultRequest request) {
        if (request == null) {
            return badRequest("a JSON body is required, e.g. {\"status\":429,\"retryAfterSeconds\":1}");
        }
        try {
            Fault fault = faults.add(request.method(), request.path(), request.status(), request.retryAfterSeconds(),
                    request.delayMs(), request.message(), request.times());
            return Response.status(Response.Status.CREATED).entity(fault).build();
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    @GET
    public List<Fault> activeFaults() {
        return faults.active();
    }

    @DELETE
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", message)).build();
    }
}
