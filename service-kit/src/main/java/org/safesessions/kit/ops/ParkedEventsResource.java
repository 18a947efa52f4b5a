package org.safesessions.kit.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.inbox.FailedEvent;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.kit.inbox.ReplayOutcome;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Events this service's consumers parked (SPEC §7), for ops: list them, replay one through its consumer's handler,
 * or discard it with a reason. Every service has it, from the kit. Ops have no organisation and see no personal
 * data: an event's consumer, id, type, attempts and the last error's class, never its message or its envelope.
 * Error responses name the one {@code Problem} schema by reference, which the kit's OpenAPI filter provides.
 * Not on the public ingress: ops reach it inside the cluster (k8s/README.md "Parked events").
 */
@Path("/ops/parked-events")
@RolesAllowed(Roles.OPS)
public class ParkedEventsResource {

    @Inject
    Inbox inbox;

    @Inject
    Caller caller;

    @Schema(name = "ParkedEvent", requiredProperties = {"consumer", "eventId", "eventType", "attempts",
            "lastErrorClass", "lastFailedAt"})
    public record ParkedEventView(String consumer, String eventId, String eventType, int attempts,
                                  String lastErrorClass, OffsetDateTime lastFailedAt) {
        static ParkedEventView of(FailedEvent e) {
            return new ParkedEventView(e.key.consumer(), e.key.eventId(), e.eventType, e.attempts, e.errorClass(),
                    e.failedAt);
        }
    }

    @Schema(name = "ParkedEventDiscard", requiredProperties = "reason")
    public record DiscardRequest(
            @NotNull(message = "is required") @NotBlank(message = "is required")
            @Size(max = 500, message = "must be at most 500 characters") String reason) {
    }

    @Schema(name = "DiscardedEvent", requiredProperties = {"consumer", "eventId", "eventType", "discardedAt",
            "discardedBy"})
    public record DiscardedView(String consumer, String eventId, String eventType, OffsetDateTime discardedAt,
                                String discardedBy) {
    }

    @GET
    @Operation(operationId = "listParkedEvents", summary = "List the events this service's consumers parked, the most "
            + "recent failure first")
    @APIResponse(responseCode = "200", description = "One page of parked events")
    @APIResponse(responseCode = "400", description = "A paging parameter out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<ParkedEventView> list(@Valid @BeanParam PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ParkedEventView> items = FailedEvent.parked(page.page, page.size).stream()
                    .map(ParkedEventView::of).toList();
            return new Page<>(items, page.page, page.size, FailedEvent.countParked());
        });
    }

    @POST
    @Path("{consumer}/{eventId}/replay")
    @Operation(operationId = "replayParkedEvent", summary = "Run a parked event through its consumer's handler again")
    @APIResponse(responseCode = "200", description = "REPLAYED: applied and no longer parked; STILL_PARKED: it failed "
            + "again, with one more attempt and the new error's class")
    @APIResponse(responseCode = "404", description = "No such parked event (never parked, replayed or discarded)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Rule `consumer-not-running`: this replica has not started the "
            + "consumer yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ReplayOutcome replay(@PathParam("consumer") String consumer, @PathParam("eventId") String eventId) {
        requireKey(consumer, eventId);
        return inbox.replay(consumer, eventId, caller.userName());
    }

    @POST
    @Path("{consumer}/{eventId}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "discardParkedEvent", summary = "Give up on a parked event, with the reason kept")
    @APIResponse(responseCode = "200", description = "Discarded: no longer parked, and a redelivery changes nothing")
    @APIResponse(responseCode = "400", description = "No `reason`, or one over 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such parked event (never parked, replayed or discarded)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public DiscardedView discard(@PathParam("consumer") String consumer, @PathParam("eventId") String eventId,
                                 @Valid @NotNull(message = "is required") DiscardRequest request) {
        requireKey(consumer, eventId);
        FailedEvent discarded = inbox.discard(consumer, eventId, caller.userName(), request.reason().strip());
        return new DiscardedView(consumer, eventId, discarded.eventType, discarded.discardedAt, discarded.discardedBy);
    }

    /** Names longer than the columns hold can name no parked event. */
    private static void requireKey(String consumer, String eventId) {
        if (consumer.length() > 100 || eventId.length() > 100) {
            throw new RecordNotFoundException("parked event");
        }
    }
}
