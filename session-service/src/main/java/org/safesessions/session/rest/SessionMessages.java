package org.safesessions.session.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.events.session.SessionKind;
import org.safesessions.events.session.TerminationReason;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.InvitationStatus;
import org.safesessions.session.domain.ProvisioningState;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionStatus;
import org.safesessions.session.domain.ZoomMeeting;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Bodies and views of the sessions resource. */
public final class SessionMessages {

    /** Staff are named by their login (Keycloak user name), in any case; answers show the canonical lower-case one. */
    static final String USER_NAME = "[A-Za-z0-9._@-]{1,100}";

    private SessionMessages() {
    }

    @Schema(requiredProperties = {"title", "startsAt", "durationMinutes", "platform", "facilitators", "invitees"})
    public record BookGroupSession(
            @NotBlank @Size(max = 200) String title,
            @NotNull OffsetDateTime startsAt,
            @NotNull @Min(1) @Max(1440) Integer durationMinutes,
            @NotNull Platform platform,
            @NotNull @Size(max = 10) Set<@NotNull @Pattern(regexp = USER_NAME, message = "must be a staff user name") String> facilitators,
            @NotNull @Size(max = 100) Set<@NotNull UUID> invitees,
            Boolean firstOfGroup) {
    }

    /** Fields sent replace the session's; fields left out stay. */
    public record ChangeSession(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            OffsetDateTime startsAt,
            @Min(1) @Max(1440) Integer durationMinutes,
            @Size(max = 10) Set<@NotNull @Pattern(regexp = USER_NAME, message = "must be a staff user name") String> facilitators) {
    }

    @Schema(requiredProperties = {"youngPersonIds"})
    public record Invite(@NotEmpty @Size(max = 100) Set<@NotNull UUID> youngPersonIds) {
    }

    @Schema(requiredProperties = {"briefingGiven", "groundRulesAgreed", "organisationDevices"})
    public record Checklist(@NotNull Boolean briefingGiven, @NotNull Boolean groundRulesAgreed,
                            @NotNull Boolean organisationDevices) {
    }

    @Schema(requiredProperties = {"youngPersonId", "attended"})
    public record ManualAttendance(@NotNull UUID youngPersonId, @NotNull Boolean attended, OffsetDateTime joinedAt,
                                   OffsetDateTime leftAt) {

        @jakarta.validation.constraints.AssertTrue(message = "must not be before joinedAt")
        public boolean isLeftAfterJoined() {
            return joinedAt == null || leftAt == null || !leftAt.isBefore(joinedAt);
        }
    }

    @Schema(requiredProperties = {"reason"})
    public record Termination(@NotNull TerminationReason reason, UUID youngPersonId) {
    }

    @Schema(requiredProperties = {"youngPersonId", "status", "invitedAt", "invitationReady"})
    public record InvitationView(UUID youngPersonId, InvitationStatus status, OffsetDateTime invitedAt,
                                 OffsetDateTime removedAt, RemovalReason removalReason, boolean invitationReady) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.youngPersonId(), i.status, i.invitedAt, i.removedAt, i.removalReason,
                    i.invitationReady);
        }
    }

    @Schema(requiredProperties = {"state", "attempts"})
    public record ProvisioningView(ProvisioningState state, int attempts, String failure, Long meetingId) {
    }

    @Schema(requiredProperties = {"briefingGiven", "groundRulesAgreed", "groundRulesNeeded", "organisationDevices", "complete"})
    public record ChecklistView(boolean briefingGiven, boolean groundRulesAgreed, boolean groundRulesNeeded,
                                boolean organisationDevices, boolean complete, String recordedBy, OffsetDateTime recordedAt) {
    }

    @Schema(requiredProperties = {"id", "kind", "title", "platform", "startsAt", "endsAt", "durationMinutes", "status", "facilitators", "singleFacilitatorFlag", "invitations", "provisioning", "checklist", "createdAt", "createdBy"})
    public record SessionView(UUID id, SessionKind kind, String title, Platform platform, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, long durationMinutes, SessionStatus status, List<String> facilitators,
                              boolean singleFacilitatorFlag, List<InvitationView> invitations, ProvisioningView provisioning,
                              ChecklistView checklist, UUID oneToOneRequestId, OffsetDateTime responsibleAdultConfirmedAt,
                              OffsetDateTime startedAt, OffsetDateTime endedAt, TerminationReason terminationReason,
                              OffsetDateTime createdAt, String createdBy) {
        static SessionView of(Session s) {
            return of(s, ZoomMeeting.ofSession(s.id).orElse(null));
        }

        /** The session with its Zoom meeting's provisioning (a session off Zoom has no meeting: NOT_NEEDED). */
        static SessionView of(Session s, ZoomMeeting meeting) {
            return new SessionView(s.id, s.kind, s.title, s.platform, s.startsAt, s.endsAt,
                    Duration.between(s.startsAt, s.endsAt).toMinutes(), s.status, s.facilitatorNames(),
                    s.singleFacilitatorFlag(), s.invitations.stream().map(InvitationView::of).toList(),
                    meeting == null ? new ProvisioningView(ProvisioningState.NOT_NEEDED, 0, null, null)
                            : new ProvisioningView(meeting.state, meeting.attempts, meeting.failure, meeting.meetingId),
                    new ChecklistView(s.briefingGiven, s.groundRulesAgreed, s.kind == SessionKind.GROUP && s.firstOfGroup,
                            s.organisationDevices, s.checklistComplete(), s.checklistBy, s.checklistAt),
                    s.oneToOneRequestId, s.responsibleAdultConfirmedAt, s.startedAt, s.endedAt, s.terminationReason,
                    s.createdAt, s.createdBy);
        }
    }

    /** What notification-service needs to send one young person's invitation (the shape is agreed with it). */
    @Schema(requiredProperties = {"sessionId", "youngPersonId", "title", "platform", "startsAt", "endsAt"})
    public record JoinDetails(UUID sessionId, UUID youngPersonId, String title, Platform platform,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String joinUrl, String passcode) {
    }

    /** The shape of a page of sessions in the OpenAPI document (the kit's {@code Page} of {@link SessionView}). */
    @Schema(name = "SessionPage", requiredProperties = {"items", "page", "size", "total"})
    public record SessionPage(List<SessionView> items, int page, int size, long total) {
    }
}
