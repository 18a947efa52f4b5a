package org.safesessions.kit.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One access log entry as a service's API answers it. */
@Schema(name = "AccessLogEntry", requiredProperties = {"id", "at", "actor", "action", "recordType"})
public record AccessLogView(UUID id, OffsetDateTime at, ActorView actor, AccessAction action, String recordType,
                            UUID recordId, UUID subjectId, String detail) {

    /** The Keycloak user id (null for the service's own passes and entries older than the log) and user name. */
    @Schema(name = "AccessLogActor", requiredProperties = {"userName"})
    public record ActorView(String id, String userName) {
    }

    public static AccessLogView of(AccessLogEntry e) {
        return new AccessLogView(e.id, e.at, new ActorView(e.actorId, e.actorName), e.action, e.recordType,
                e.recordId, e.subjectId, e.detail);
    }
}
