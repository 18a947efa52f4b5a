package org.safesessions.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.events.EventJson;
import org.safesessions.kit.openapi.OpenApiContract;
import org.safesessions.kit.rest.Problem;
import org.safesessions.notification.application.SmsReceipts;
import org.safesessions.notification.client.SmsReceiptSignature;
import org.safesessions.notification.domain.DeliveryStatus;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The SMS gateway's delivery receipts (SPEC §6 delivery records). No token: each receipt must carry the gateway's
 * HMAC signature over the exact body ({@link SmsReceiptSignature}), else 401. Body:
 * {@code {"reference": "<the delivery id we sent>", "status": "DELIVERED" | "FAILED", "reason": "<code>"}}.
 */
@Path("/sms/receipts")
public class SmsReceiptsResource {

    /** A gateway reason worth keeping: a short code (no spaces, so no number or message text). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,40}");

    @Inject
    SmsReceipts receipts;

    @ConfigProperty(name = "notification.sms.http.receipt-secret")
    Optional<String> secret;

    /** What became of the text the receipt is about. */
    @Schema(name = "SmsReceiptOutcome", requiredProperties = {"reference", "status"})
    public record Outcome(UUID reference, DeliveryStatus status) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    // the gateway's signature proves the caller, not a token: the kit's OpenAPI filter states no security for it
    @Operation(operationId = "receiveSmsReceipt", summary = "Receive a signed SMS delivery receipt from the gateway",
            extensions = @Extension(name = OpenApiContract.SIGNED_WEBHOOK, value = "true"))
    @APIResponse(responseCode = "200", description = "Recorded (a repeated receipt changes nothing): the text's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Outcome.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON, or `reference` or `status` is missing or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid `X-Sms-Signature`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No text message with this reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@HeaderParam(SmsReceiptSignature.HEADER) String signature, String body) {
        if (!SmsReceiptSignature.valid(secret.orElse(null), signature, body)) {
            return Problem.of(Response.Status.UNAUTHORIZED, "missing or invalid SMS gateway signature").toResponse();
        }
        JsonNode receipt;
        try {
            receipt = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "the body is not valid JSON").toResponse();
        }
        UUID reference;
        try {
            reference = UUID.fromString(receipt.path("reference").asText(""));
        } catch (IllegalArgumentException e) {
            return bad("reference", "must be the reference of a text this service sent (a UUID)");
        }
        String status = receipt.path("status").asText("");
        if (!status.equals("DELIVERED") && !status.equals("FAILED")) {
            return bad("status", "must be one of [DELIVERED, FAILED]");
        }
        String reason = receipt.path("reason").asText("");
        String kept = "undelivered (SMS gateway" + (CODE.matcher(reason).matches() ? ": " + reason : "") + ")";
        return Response.ok(new Outcome(reference, receipts.record(reference, status.equals("DELIVERED"), kept)))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static Response bad(String field, String message) {
        return new Problem("about:blank", "Bad Request", 400, field + ": " + message, null,
                List.of(new Problem.FieldError(field, message))).toResponse();
    }
}
