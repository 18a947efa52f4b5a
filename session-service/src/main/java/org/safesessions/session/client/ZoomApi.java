package org.safesessions.session.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.safesessions.session.client.ZoomMessages.HostSettings;
import org.safesessions.session.client.ZoomMessages.Meeting;
import org.safesessions.session.client.ZoomMessages.MeetingCreated;
import org.safesessions.session.client.ZoomMessages.MeetingPage;
import org.safesessions.session.client.ZoomMessages.Registrant;
import org.safesessions.session.client.ZoomMessages.RegistrantCreated;
import org.safesessions.session.client.ZoomMessages.RegistrantStatus;
import org.safesessions.session.client.ZoomMessages.SecuritySettings;

/** The part of Zoom's Meeting API (v2) session-service uses; every call carries the cached OAuth bearer token. */
@RegisterRestClient(configKey = "zoom-api")
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ZoomApi {

    @POST
    @Path("/users/{userId}/meetings")
    MeetingCreated createMeeting(@HeaderParam("Authorization") String bearer, @PathParam("userId") String userId, Meeting meeting);

    @GET
    @Path("/users/{userId}/meetings")
    MeetingPage meetings(@HeaderParam("Authorization") String bearer, @PathParam("userId") String userId,
                         @QueryParam("type") String type, @QueryParam("page_size") int pageSize,
                         @QueryParam("next_page_token") String nextPageToken);

    @GET
    @Path("/meetings/{meetingId}")
    MeetingCreated meeting(@HeaderParam("Authorization") String bearer, @PathParam("meetingId") long meetingId);

    @PATCH
    @Path("/meetings/{meetingId}")
    void updateMeeting(@HeaderParam("Authorization") String bearer, @PathParam("meetingId") long meetingId, Meeting meeting);

    @DELETE
    @Path("/meetings/{meetingId}")
    void deleteMeeting(@HeaderParam("Authorization") String bearer, @PathParam("meetingId") long meetingId);

    @POST
    @Path("/meetings/{meetingId}/registrants")
    RegistrantCreated addRegistrant(@HeaderParam("Authorization") String bearer, @PathParam("meetingId") long meetingId,
                                    Registrant registrant);

    @PUT
    @Path("/meetings/{meetingId}/registrants/status")
    void registrantStatus(@HeaderParam("Authorization") String bearer, @PathParam("meetingId") long meetingId,
                          RegistrantStatus status);

    @PATCH
    @Path("/users/{userId}/settings")
    void updateUserSettings(@HeaderParam("Authorization") String bearer, @PathParam("userId") String userId,
                            HostSettings settings);

    @GET
    @Path("/users/{userId}/settings")
    HostSettings userSettings(@HeaderParam("Authorization") String bearer, @PathParam("userId") String userId);

    @PATCH
    @Path("/users/{userId}/settings")
    void updateSecuritySettings(@HeaderParam("Authorization") String bearer, @PathParam("userId") String userId,
                                @QueryParam("option") String option, SecuritySettings settings);

    @GET
    @Path("/users/{userId}/settings")
    SecuritySettings securitySettings(@HeaderParam("Authorization") String bearer, @PathParam("userId") String userId,
                                      @QueryParam("option") String option);
}
