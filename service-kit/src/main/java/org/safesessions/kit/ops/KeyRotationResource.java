package org.safesessions.kit.ops;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.KeyRotation;
import org.safesessions.kit.tenancy.Roles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Progress of a key rotation, for ops (SPEC §5 "Key rotation"): how many rows of each sealed column are on each key
 * id, and a way to start the job that re-seals those on an old key ({@link KeyRotation}). Key ids and counts only,
 * never a key nor anything sealed. Role {@code ops}, like {@link ParkedEventsResource}; not on the public ingress.
 */
@Path("/ops/key-rotation")
@RolesAllowed(Roles.OPS)
public class KeyRotationResource {

    @Inject
    KeyRotation rotation;

    @Inject
    FieldCipher cipher;

    @Schema(name = "SealedColumnKeys", requiredProperties = {"table", "column", "rowsByKey", "rowsOnOldKeys",
            "notResealable"})
    public record ColumnView(String table, String column, Map<String, Long> rowsByKey, long rowsOnOldKeys,
                             long notResealable) {
    }

    @Schema(name = "KeyRotationRun", requiredProperties = {"startedAt", "running", "complete", "resealed",
            "unreadable"})
    public record RunView(OffsetDateTime startedAt, OffsetDateTime finishedAt, boolean running, boolean complete,
                          long resealed, long unreadable, String failure) {
        static RunView of(KeyRotation.Run run) {
            return new RunView(run.startedAt(), run.finishedAt(), run.running(), run.complete(), run.resealed(),
                    run.unreadable(), run.failure());
        }
    }

    @Schema(name = "KeyRotation", requiredProperties = {"configuredKeys", "rowsOnOldKeys", "columns"})
    public record RotationView(String activeKey, List<String> configuredKeys, long rowsOnOldKeys,
                               List<ColumnView> columns, RunView lastRun) {
    }

    @GET
    @Operation(operationId = "keyRotationProgress", summary = "Rows of each sealed column on each key id, and this "
            + "replica's last re-sealing run; the old key may be removed once rowsOnOldKeys is 0")
    @APIResponse(responseCode = "200", description = "Counts per column and key id")
    public RotationView progress() {
        List<ColumnView> columns = rotation.counts().stream()
                .map(c -> new ColumnView(c.table(), c.column(), c.rowsByKey(), c.rowsOnOldKeys(), c.notResealable()))
                .toList();
        return new RotationView(cipher.activeKeyIdIfAny().orElse(null), List.copyOf(new TreeSet<>(cipher.keyIds())),
                columns.stream().mapToLong(ColumnView::rowsOnOldKeys).sum(), columns,
                rotation.lastRun().map(RunView::of).orElse(null));
    }

    @POST
    @Path("run")
    @Operation(operationId = "runKeyRotation", summary = "Start re-sealing every row on an old key with the active "
            + "key, in the background; a run already going on this replica is answered instead")
    @APIResponse(responseCode = "202", description = "The run started (or already running); follow it with GET",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    public Response run() {
        return Response.accepted(RunView.of(rotation.start())).build();
    }
}
