package org.safesessions.notification.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.safesessions.kit.domain.ConflictException;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;
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
    Caller caller;

    @Inject
    Time time;

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
    public Page<DeliveryView> list(@Valid @BeanParam PageRequest page) {
        var query = Delivery.<Delivery>find("organisation", Sort.descending("createdAt").and("id"), caller.organisation());
        return new Page<>(query.page(page.page, page.size).list(), page.page, page.size, query.count())
                .map(DeliveryView::of);
    }

    @GET
    @Path("{id}")
    public DeliveryView get(@PathParam("id") UUID id) {
        return DeliveryView.of(find(id));
    }

    /** A dead-lettered or failed message is queued again now. */
    @POST
    @Path("{id}/retry")
    @Transactional
    public DeliveryView retry(@PathParam("id") UUID id) {
        // one conditional update: a message the dispatcher is sending (or has sent) meanwhile is never re-queued
        int requeued = Delivery.update("status = ?1, statusReason = ?2, nextAttemptAt = ?3, handedOverAt = null "
                        + "where id = ?4 and organisation = ?5 and status in (?6, ?7)",
                DeliveryStatus.QUEUED, "retried by " + caller.userName(), time.now(), id,
                caller.organisation(), DeliveryStatus.DEAD_LETTERED, DeliveryStatus.FAILED);
        Delivery d = find(id);
        if (requeued == 0) {
            throw new ConflictException("only-failed-messages-are-retried", "the message is " + d.status);
        }
        return DeliveryView.of(d);
    }

    private Delivery find(UUID id) {
        return Delivery.<Delivery>find("id = ?1 and organisation = ?2", id, caller.organisation()).firstResultOptional()
                .orElseThrow(() -> new RecordNotFoundException("notification"));
    }
}
