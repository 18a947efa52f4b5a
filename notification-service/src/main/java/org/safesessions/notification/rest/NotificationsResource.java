package org.safesessions.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.notification.application.DeliveryRecords;
import org.safesessions.notification.application.Listed;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Delivery records: what was sent to whom (by reference), how it went, and a retry for dead letters. */
@Path("/notifications")
@RolesAllowed(Roles.MANAGER)
public class NotificationsResource {

    @Inject
    DeliveryRecords deliveries;

    /** One message to one recipient on one channel, by reference: no contact details, no message text. */
    @Schema(name = "DeliveryView", requiredProperties = {"id", "eventId", "template", "recipientKind", "recipientId",
            "channel", "urgent", "status", "attempts", "createdAt"})
    public record DeliveryView(UUID id, String eventId, String template, Delivery.RecipientKind recipientKind,
                               UUID recipientId, Channel channel, boolean urgent, DeliveryStatus status,
                               String statusReason, int attempts, OffsetDateTime createdAt,
                               OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.eventId, d.templateKey, d.recipientKind, d.recipientId, d.channel, d.urgent,
                    d.status, d.statusReason, d.attempts, d.createdAt, d.nextAttemptAt, d.sentAt);
        }
    }

    @GET
    @Operation(operationId = "listDeliveries", summary = "List the organisation's delivery records, newest first")
    @APIResponse(responseCode = "200", description = "One page of delivery records")
    @APIResponse(responseCode = "400", description = "A paging parameter out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DeliveryView> list(@Valid @BeanParam PageRequest page) {
        Listed<Delivery> listed = deliveries.list(page.page, page.size);
        return new Page<>(listed.items(), page.page, page.size, listed.total()).map(DeliveryView::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDelivery", summary = "Read one delivery record")
    @APIResponse(responseCode = "200", description = "The delivery record")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such delivery record in the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView get(@PathParam("id") UUID id) {
        return DeliveryView.of(deliveries.get(id));
    }

    /** A dead-lettered or failed message is queued again now. */
    @POST
    @Path("{id}/retry")
    @Operation(operationId = "retryDelivery", summary = "Queue a failed or dead-lettered message again now")
    @APIResponse(responseCode = "200", description = "The delivery record, queued again")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such delivery record in the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Rule `only-failed-messages-are-retried`: the message is "
            + "neither FAILED nor DEAD_LETTERED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView retry(@PathParam("id") UUID id) {
        return DeliveryView.of(deliveries.retry(id));
    }
}
