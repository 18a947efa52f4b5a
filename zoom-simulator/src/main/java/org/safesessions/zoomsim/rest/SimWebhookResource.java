package org.safesessions.zoomsim.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.safesessions.zoomsim.state.ZoomApiException;
import org.safesessions.zoomsim.webhook.WebhookDelivery;
import org.safesessions.zoomsim.webhook.WebhookDispatcher;
import org.safesessions.zoomsim.webhook.WebhookRequest;

/**
 * Test control: have Zoom call the app's webhook endpoint now. Answers 200 with the
 * delivery (the target's status among it), 502 when the target could not be reached.
 */
@Path("/_sim/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimWebhookResource {

    @Inject
    WebhookDispatcher dispatcher;

    @POST
    public Response send(WebhookRequest request) {
        if (request == null) {
            return SimFaultResource.badRequest("a JSON body is required, e.g. {\"event\":\"meeting.participant_joined\","
                    + "\"meetingId\":123,\"participant\":{\"user_name\":\"Sam\"}}");
        }
        try {
            WebhookDelivery delivery = dispatcher.dispatch(request);
            return Response.status(delivery.status() == null ? Response.Status.BAD_GATEWAY : Response.Status.OK)
                    .entity(delivery).build();
        } catch (IllegalArgumentException e) {
            return SimFaultResource.badRequest(e.getMessage());
        } catch (ZoomApiException e) {
            return Response.status(e.httpStatus()).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
