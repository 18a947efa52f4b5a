package org.safesessions.notification.rest;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.notification.application.Feed;
import org.safesessions.notification.application.FeedMessage;
import org.safesessions.notification.application.Listed;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The caller's own in-app feed: what they were told, newest first, read or unread, and live as server-sent events. */
@Path("/me/notifications")
@RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
public class MyNotificationsResource {

    @Inject
    Feed feed;

    /** One message in the caller's in-app feed: references and links only. */
    @Schema(requiredProperties = {"id", "template", "urgent", "createdAt"})
    public record FeedItem(UUID id, String template, String title, String body, boolean urgent,
                           OffsetDateTime createdAt, OffsetDateTime readAt) {
        static FeedItem of(FeedMessage item) {
            return new FeedItem(item.id(), item.template(), item.title(), item.body(), item.urgent(),
                    item.createdAt(), item.readAt());
        }
    }

    @GET
    @Operation(operationId = "listMyNotifications", summary = "List the caller's in-app messages, newest first")
    @APIResponse(responseCode = "200", description = "One page of the caller's in-app messages")
    @APIResponse(responseCode = "400", description = "A paging parameter out of range, or `unread` not a boolean",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<FeedItem> list(@Valid @BeanParam PageRequest page, @QueryParam("unread") boolean unreadOnly) {
        Listed<FeedMessage> listed = feed.list(page.page, page.size, unreadOnly);
        return new Page<>(listed.items(), page.page, page.size, listed.total()).map(FeedItem::of);
    }

    /** New messages as they arrive, one server-sent event each (JSON). */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamMyNotifications",
            summary = "Stream the caller's new in-app messages as server-sent events")
    @APIResponse(responseCode = "200", description = "A server-sent event (JSON data) for each new in-app message",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = FeedItem.class)))
    public Multi<FeedItem> stream() {
        return feed.stream().map(FeedItem::of);
    }

    @PUT
    @Path("{id}/read")
    @Operation(operationId = "markMyNotificationRead", summary = "Mark one of the caller's in-app messages read")
    @APIResponse(responseCode = "200", description = "The message, read")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such message in the caller's feed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedItem markRead(@PathParam("id") UUID id) {
        return FeedItem.of(feed.markRead(id));
    }

    @DELETE
    @Path("{id}/read")
    @Operation(operationId = "markMyNotificationUnread", summary = "Mark one of the caller's in-app messages unread")
    @APIResponse(responseCode = "200", description = "The message, unread")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such message in the caller's feed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedItem markUnread(@PathParam("id") UUID id) {
        return FeedItem.of(feed.markUnread(id));
    }
}
