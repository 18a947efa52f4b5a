package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.safesessions.zoomsim.state.AccessTokens;
import org.safesessions.zoomsim.state.FaultPlan;
import org.safesessions.zoomsim.state.Meeting;
import org.safesessions.zoomsim.state.MeetingStore;
import org.safesessions.zoomsim.state.RateLimiter;
import org.safesessions.zoomsim.state.RequestLog;
import org.safesessions.zoomsim.state.UserSettingsStore;

/** Test control: look at the simulated account, and wipe it between tests. */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimStateResource {

    @Inject
    MeetingStore meetings;

    @Inject
    UserSettingsStore settings;

    @Inject
    FaultPlan faults;

    @Inject
    RequestLog requestLog;

    @Inject
    AccessTokens tokens;

    @Inject
    RateLimiter rateLimits;

    /** Every meeting, deleted ones included, with every registrant, cancelled ones included. */
    @GET
    @Path("/meetings")
    public List<Meeting> meetings() {
        return meetings.all();
    }

    /** Settings of every user that has been read or changed, by user id as given in the path. */
    @GET
    @Path("/settings")
    public Map<String, ObjectNode> settings() {
        return settings.all();
    }

    /**
     * Locks settings of a user (body: sections as in a settings PATCH, e.g. {@code {"in_meeting":{"private_chat":true}}}):
     * the user's PATCHes no longer change them, as when an account admin locks them. Kept until reset.
     */
    @jakarta.ws.rs.PUT
    @Path("/settings/{userId}/locked")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Response lockSettings(@org.jboss.resteasy.reactive.RestPath String userId, ObjectNode locked) {
        if (locked == null || locked.isEmpty()) {
            return SimFaultResource.badRequest("give the settings to lock, e.g. {\"in_meeting\":{\"private_chat\":true}}");
        }
        settings.lock(userId, locked);
        return Response.noContent().build();
    }

    /**
     * Forgets meetings, settings, daily counters, per-second counts, faults and the request log. Tokens stay
     * valid, so a running client is not logged out by another test's reset.
     */
    @POST
    @Path("/reset")
    public Response reset() {
        meetings.clear();
        settings.clear();
        faults.clear();
        requestLog.clear();
        rateLimits.clear();
        return Response.noContent().build();
    }

    /** Invalidates every issued token, to test that a client fetches a new one after a 401. */
    @DELETE
    @Path("/tokens")
    public Response revokeTokens() {
        tokens.revokeAll();
        return Response.noContent().build();
    }
}
