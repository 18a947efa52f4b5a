package org.safesessions.notification.rest;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.safesessions.kit.rest.BadParameter;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.notification.application.Feed;
import org.safesessions.notification.application.FeedEvent;
import org.safesessions.notification.application.FeedMessage;
import org.safesessions.notification.application.Listed;

import java.time.OffsetDateTime;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/** The caller's own in-app feed: what they were told, newest first, read or unread, and live as server-sent events. */
@Path("/me/notifications")
@RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
public class MyNotificationsResource {

    @Inject
    Feed feed;

    /** The stream's event ids: a message's place in the caller's feed, a whole number. */
    private static final Pattern EVENT_ID = Pattern.compile("\\d{1,18}");

    /** One message in the caller's in-app feed: references and links only. */
    @Schema(requiredProperties = {"id", "template", "urgent", "createdAt"})
    public record FeedItem(UUID id,
                           @Schema(description = "its place in the caller's feed (1, 2, 3, …): the stream's event id")
                           Long position, String template, String title, String body, boolean urgent,
                           OffsetDateTime createdAt, OffsetDateTime readAt) {
        static FeedItem of(FeedMessage item) {
            return new FeedItem(item.id(), item.position(), item.template(), item.title(), item.body(), item.urgent(),
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

    /**
     * The caller's messages as they are shown, one server-sent event each: {@code id} its place in the feed, JSON
     * data. A keep-alive comment comes at least every {@code notification.feed.keep-alive}. A client that reconnects
     * with {@code Last-Event-ID} first gets what it missed (as far back as the replay window), then the live stream.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamMyNotifications",
            summary = "Stream the caller's in-app messages as server-sent events, replaying what a reconnecting client missed")
    @APIResponse(responseCode = "200", description = "A server-sent event for each message as it is shown (`id`: its "
            + "place in the caller's feed; `data`: the message as JSON), each once and in order, and a keep-alive "
            + "comment every 25 s; with `Last-Event-ID`, first the caller's messages after that one (up to 24 h back)",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = FeedItem.class)))
    @APIResponse(responseCode = "400", description = "`Last-Event-ID` is not an event id of this stream (a whole number)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse,
                                          @Parameter(description = "The id of the last event the client received: "
                                                  + "what followed it is sent first")
                                          @HeaderParam("Last-Event-ID") String lastEventId) {
        return feed.stream(lastSeen(lastEventId)).map(event -> switch (event) {
            case FeedEvent.Item item -> sse.newEventBuilder().id(String.valueOf(item.message().position()))
                    .data(FeedItem.class, FeedItem.of(item.message())).build();
            case FeedEvent.KeepAlive keepAlive -> sse.newEventBuilder().comment("keep-alive").build();
        });
    }

    /**
     * A browser sends back only ids this stream gave, so anything else is a broken client or relay: refused, rather
     * than silently started from now (which would lose what it missed). An empty header (the SSE way to reset the id)
     * counts as none.
     */
    private static OptionalLong lastSeen(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return OptionalLong.empty();
        }
        if (!EVENT_ID.matcher(lastEventId.strip()).matches()) {
            throw new BadParameter("Last-Event-ID", "must be the id of an event this stream sent (a whole number)");
        }
        return OptionalLong.of(Long.parseLong(lastEventId.strip()));
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
