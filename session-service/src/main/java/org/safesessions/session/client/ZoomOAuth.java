package org.safesessions.session.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.safesessions.session.client.ZoomMessages.AccessToken;

/** Zoom's Server-to-Server OAuth token endpoint ({@code grant_type=account_credentials}). */
@RegisterRestClient(configKey = "zoom-oauth")
@Path("/oauth/token")
public interface ZoomOAuth {

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    AccessToken token(@HeaderParam("Authorization") String basic, @QueryParam("grant_type") String grantType,
                      @QueryParam("account_id") String accountId);
}
