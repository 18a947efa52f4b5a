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
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.notification.application.Feed;
import org.safesessions.notification.application.FeedItem;
import org.safesessions.notification.application.Listed;

import java.util.UUID;

/** The caller's own in-app feed: what they were told, newest first, read or unread, and live as server-sent events. */
@Path("/me/notifications")
@RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
public class MyNotificationsResource {

    @Inject
    Feed feed;

    @GET
    public Page<FeedItem> list(@Valid @BeanParam PageRequest page, @QueryParam("unread") boolean unreadOnly) {
        Listed<FeedItem> listed = feed.list(page.page, page.size, unreadOnly);
        return new Page<>(listed.items(), page.page, page.size, listed.total());
    }

    /** New messages as they arrive, one server-sent event each (JSON). */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<FeedItem> stream() {
        return feed.stream();
    }

    @PUT
    @Path("{id}/read")
    public FeedItem markRead(@PathParam("id") UUID id) {
        return feed.markRead(id);
    }

    @DELETE
    @Path("{id}/read")
    public FeedItem markUnread(@PathParam("id") UUID id) {
        return feed.markUnread(id);
    }
}
