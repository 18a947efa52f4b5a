package org.safesessions.notification.rest;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.application.FeedHub;
import org.safesessions.notification.application.FeedItem;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The caller's own in-app feed: what they were told, newest first, read or unread, and live as server-sent events. */
@Path("/me/notifications")
@RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
public class MyNotificationsResource {

    /** The caller's messages: by Keycloak id (the token's subject); rows from before ids were stored, by user name. */
    private static final String MINE = "organisation = :org and (staffUserId = :me or (staffUserId is null and staffUserName = :user))"
            + " and channel = :inApp and status = :sent";

    @Inject
    org.eclipse.microprofile.jwt.JsonWebToken token;

    @Inject
    Caller caller;

    @Inject
    FeedHub hub;

    @Inject
    Time time;

    @GET
    public Page<FeedItem> list(@Valid @BeanParam PageRequest page, @QueryParam("unread") boolean unreadOnly) {
        var query = Delivery.<Delivery>find(MINE + (unreadOnly ? " and readAt is null" : ""),
                Sort.descending("createdAt").and("id"), mine());
        return new Page<>(query.page(page.page, page.size).list(), page.page, page.size, query.count()).map(FeedItem::of);
    }

    /** New messages as they arrive, one server-sent event each (JSON). */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<FeedItem> stream() {
        return hub.stream(caller.organisation(), callerId(), caller.userName());
    }

    @PUT
    @Path("{id}/read")
    @Transactional
    public FeedItem markRead(@PathParam("id") UUID id) {
        Delivery d = find(id);
        if (d.readAt == null) {
            d.readAt = time.now();
        }
        return FeedItem.of(d);
    }

    @DELETE
    @Path("{id}/read")
    @Transactional
    public FeedItem markUnread(@PathParam("id") UUID id) {
        Delivery d = find(id);
        d.readAt = null;
        return FeedItem.of(d);
    }

    private io.quarkus.panache.common.Parameters mine() {
        String id = callerId();
        return io.quarkus.panache.common.Parameters.with("org", caller.organisation())
                .and("me", id != null ? id : "").and("user", id != null ? "" : caller.userName())
                .and("inApp", Channel.IN_APP).and("sent", DeliveryStatus.SENT);
    }

    /** The caller's Keycloak user id, the token's subject; null only for a token without one. */
    private String callerId() {
        String subject = token.getSubject();
        return subject == null || subject.isBlank() ? null : subject;
    }

    private Delivery find(UUID id) {
        return Delivery.<Delivery>find(MINE + " and id = :id", mine().and("id", id)).firstResultOptional()
                .orElseThrow(() -> new RecordNotFoundException("notification"));
    }
}
