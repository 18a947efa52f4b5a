package org.safesessions.session.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.safesessions.kit.openapi.OpenApiContract;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.jboss.logging.Logger;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.time.Time;
import org.safesessions.session.application.AttendanceRegister.Participant;
import org.safesessions.session.application.AttendanceRegister;
import org.safesessions.session.application.ZoomWebhooks;
import org.safesessions.session.client.WebhookSignature;
import org.safesessions.session.client.ZoomConfig;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Zoom's webhooks (SPEC §4). No token: each request must carry Zoom's signature over the exact body and a timestamp
 * within five minutes (else 401); an already accepted signature changes nothing. Participant joins and leaves become
 * attendance; an unknown participant raises the alarm at once.
 */
@Path("/zoom/webhooks")
public class ZoomWebhookResource {

    private static final Logger LOG = Logger.getLogger(ZoomWebhookResource.class);

    @Inject
    ZoomConfig config;

    @Inject
    AttendanceRegister attendance;

    @Inject
    ObjectMapper json;

    @Inject
    ZoomWebhooks webhooks;

    @Inject
    Time time;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    // Zoom's signature proves the caller, not a token: the kit's OpenAPI filter states no security for it.
    @Operation(operationId = "receiveZoomWebhook", summary = "Receive a signed Zoom webhook (participant joined or left, url validation)",
            extensions = @Extension(name = OpenApiContract.SIGNED_WEBHOOK, value = "true"))
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Accepted (a replay changes nothing); for url validation the plain and encrypted token",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = Object.class))),
            @APIResponse(responseCode = "400", description = "The body is not JSON, or a participant time is malformed",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public Response receive(@HeaderParam("x-zm-signature") String signature,
                            @HeaderParam("x-zm-request-timestamp") String timestamp, String body) {
        if (!WebhookSignature.valid(config.webhookSecret(), signature, timestamp, body, time.instant())) {
            return Problem.of(Response.Status.UNAUTHORIZED, "missing, stale or invalid Zoom signature").toResponse();
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "body is not JSON").toResponse();
        }
        String type = event.path("event").asText();
        if ("endpoint.url_validation".equals(type)) {
            String plainToken = event.path("payload").path("plainToken").asText();
            return Response.ok(Map.of("plainToken", plainToken,
                    "encryptedToken", WebhookSignature.encryptedToken(config.webhookSecret(), plainToken))).build();
        }
        if (!webhooks.firstReceipt(signature)) {
            return Response.ok().build();
        }
        JsonNode object = event.path("payload").path("object");
        JsonNode participant = object.path("participant");
        long meetingId = object.path("id").asLong(-1);
        String ref = text(participant, "participant_uuid").or(() -> text(participant, "user_id")).orElse(null);
        if (meetingId < 0 || ref == null) {
            return Response.ok().build();
        }
        try {
            switch (type) {
                case "meeting.participant_joined" -> attendance.joined(meetingId, new Participant(ref,
                        text(participant, "registrant_id").orElse(null), text(participant, "email").orElse(null)),
                        time(participant, "join_time"));
                case "meeting.participant_left" -> attendance.left(meetingId, ref, time(participant, "leave_time"));
                case "meeting.participant_joined_waiting_room" -> attendance.waiting(meetingId, new Participant(ref,
                        text(participant, "registrant_id").orElse(null), text(participant, "email").orElse(null)),
                        text(participant, "user_name").orElse(null), time(participant, "date_time"));
                case "meeting.participant_admitted" -> attendance.admitted(meetingId, ref, time(participant, "date_time"));
                case "meeting.participant_left_waiting_room" ->
                        attendance.leftWaitingRoom(meetingId, ref, time(participant, "date_time"));
                default -> LOG.debugf("Zoom event %s ignored", type);
            }
        } catch (DateTimeParseException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "a participant time is malformed").toResponse();
        }
        return Response.ok().build();
    }

    private OffsetDateTime time(JsonNode participant, String field) {
        return text(participant, field).map(OffsetDateTime::parse).orElse(time.now());
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
