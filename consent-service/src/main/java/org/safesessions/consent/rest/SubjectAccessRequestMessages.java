package org.safesessions.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.consent.application.SubjectAccessRequests;
import org.safesessions.consent.application.SubjectAccessRequests.Tracked;
import org.safesessions.consent.domain.SubjectAccessRequest;
import org.safesessions.consent.domain.SubjectAccessRequest.Status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and answer bodies of the subject access requests resource. */
public final class SubjectAccessRequestMessages {

    private SubjectAccessRequestMessages() {
    }

    /** A request as received: about which young person, who asked, their relationship to them, and when. */
    public record ReceiveRequest(@NotNull UUID youngPersonId,
                                 @NotBlank @Size(max = 100) String requesterName,
                                 @NotBlank @Size(max = 50) String relationship,
                                 @NotNull LocalDate receivedOn) {

        public SubjectAccessRequests.Receive command() {
            return new SubjectAccessRequests.Receive(youngPersonId, requesterName, relationship, receivedOn);
        }
    }

    /** The next status: IDENTITY_CHECKED, SENT or CLOSED (EXPORT_PRODUCED comes from producing the export). */
    public record StatusChange(@NotNull Status status) {
    }

    @Schema(name = "SubjectAccessRequest", requiredProperties = {"id", "youngPersonId", "requesterName",
            "relationship", "receivedOn", "dueOn", "status", "overdue", "recordedAt", "recordedBy", "statusChangedAt",
            "statusChangedBy"})
    public record RequestView(UUID id, UUID youngPersonId, String requesterName, String relationship,
                              LocalDate receivedOn, LocalDate dueOn, Status status, boolean overdue,
                              OffsetDateTime recordedAt, String recordedBy, OffsetDateTime statusChangedAt,
                              String statusChangedBy, OffsetDateTime exportProducedAt, String exportProducedBy) {

        static RequestView of(Tracked t, OffsetDateTime now) {
            SubjectAccessRequest r = t.request();
            return new RequestView(r.id, r.youngPersonId, t.requesterName(), r.relationship, r.receivedOn, r.dueOn,
                    r.status, r.overdue(now), r.recordedAt, r.recordedBy, r.statusChangedAt, r.statusChangedBy,
                    r.exportProducedAt, r.exportProducedBy);
        }
    }

    /** The shape of a page of requests, named for the OpenAPI document. */
    @Schema(name = "SubjectAccessRequestPage", requiredProperties = {"items", "page", "size", "total"})
    public record RequestPage(List<RequestView> items, int page, int size, long total) {
    }
}
