package org.safesessions.notification.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventType;
import org.safesessions.events.session.MeetingProvisioningFailedV1;
import org.safesessions.events.session.ParticipantInvitedV1;
import org.safesessions.events.session.ParticipantRemovedV1;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.events.session.SessionCancelledV1;
import org.safesessions.events.session.SessionRescheduledV1;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.events.session.UnknownParticipantWaitingV1;
import org.safesessions.events.session.ZoomHostSettingsDriftedV1;
import org.safesessions.kit.inbox.EventHandlers;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.application.Notify;
import org.safesessions.notification.domain.MessageTemplate;
import org.safesessions.notification.domain.PendingMessages;
import org.safesessions.notification.domain.StaffRole;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which session events tell whom what: invitations (with their 24 h and 1 h reminders, queued for later), changes
 * and cancellations to families; unknown participants (in the meeting or still in its waiting room) to the
 * session's facilitators at once; a Zoom host whose safety settings drifted to the managers; provisioning failures
 * and consent removals to coordinators. A session's facilitators are addressed by the Keycloak ids the event carries
 * ({@code facilitatorIds}), by user name only for an event from before ids.
 */
@ApplicationScoped
public class SessionEventRouter {

    static final String CONSUMER = "notification-service.session-routing";

    /** The reminders before a session, and how long before its start each is sent. */
    static final Map<String, Duration> REMINDERS = Map.of(
            MessageTemplate.SESSION_REMINDER_DAY.key(), Duration.ofHours(24),
            MessageTemplate.SESSION_REMINDER_HOUR.key(), Duration.ofHours(1));

    /** A young person's messages about a session that stop mattering once they are off it (or it is off). */
    private static final List<String> ABOUT_ATTENDING = List.of(MessageTemplate.SESSION_INVITATION.key(),
            MessageTemplate.SESSION_REMINDER_DAY.key(), MessageTemplate.SESSION_REMINDER_HOUR.key(),
            MessageTemplate.SESSION_CHANGED.key());

    @Inject
    Inbox inbox;

    @Inject
    Notify notify;

    @Inject
    PendingMessages pending;

    @Inject
    Time time;

    /** One handler per session event this service tells someone about; other types are not its business. */
    private final EventHandlers handlers = EventHandlers.builder()
            .onEvent(EventType.PARTICIPANT_INVITED, this::invited)
            .onEvent(EventType.SESSION_RESCHEDULED, this::rescheduled)
            .onEvent(EventType.SESSION_CANCELLED, this::cancelled)
            .onEvent(EventType.PARTICIPANT_REMOVED, this::removed)
            .onEvent(EventType.UNKNOWN_PARTICIPANT_JOINED, this::unknownParticipant)
            .onEvent(EventType.UNKNOWN_PARTICIPANT_WAITING, this::unknownParticipantWaiting)
            .onEvent(EventType.ZOOM_HOST_SETTINGS_DRIFTED, this::hostSettingsDrifted)
            .onEvent(EventType.MEETING_PROVISIONING_FAILED, this::provisioningFailed)
            .build();

    /** Known to the inbox from the start, so ops can replay a parked event before any new one arrives. */
    void registerForReplay(@Observes StartupEvent started) {
        inbox.register(CONSUMER, handlers);
    }

    @Incoming("session-events")
    @Blocking
    public void onSessionEvents(List<String> records) {
        inbox.processAll(CONSUMER, records, handlers); // what one poll brought: one transaction (batch=true)
    }

    /**
     * The invitation goes now (its personal join link exists once this event is published); the reminders are queued
     * for 24 h and 1 h before the start, unless that moment has already passed.
     */
    private void invited(CloudEvent event, ParticipantInvitedV1 invited) {
        if (alreadyStarted(invited.startsAt())) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("sessionId", invited.sessionId().toString());
        params.put("platform", invited.platform().name());
        params.put("startsAt", invited.startsAt().toString());
        params.put("endsAt", invited.endsAt().toString());
        notify.family(event, invited.organisation(), MessageTemplate.SESSION_INVITATION, invited.youngPersonId(),
                invited.sessionId(), params, null);
        OffsetDateTime now = time.now();
        for (MessageTemplate reminder : List.of(MessageTemplate.SESSION_REMINDER_DAY, MessageTemplate.SESSION_REMINDER_HOUR)) {
            OffsetDateTime due = invited.startsAt().minus(REMINDERS.get(reminder.key()));
            if (due.isAfter(now)) {
                notify.family(event, invited.organisation(), reminder, invited.youngPersonId(), invited.sessionId(),
                        params, due);
            }
        }
    }

    /** Families are told the new time; pending reminders move with the session. */
    private void rescheduled(CloudEvent event, SessionRescheduledV1 moved) {
        pending.reschedule(moved.sessionId(), REMINDERS, moved.startsAt(), moved.endsAt());
        if (moved.previousStartsAt() == null || moved.previousStartsAt().isEqual(moved.startsAt())
                || alreadyStarted(moved.startsAt())) {
            return; // only the facilitators changed: nothing for families
        }
        Map<String, Object> params = Map.of(
                "sessionId", moved.sessionId().toString(),
                "previousStartsAt", moved.previousStartsAt().toString(),
                "startsAt", moved.startsAt().toString(),
                "endsAt", moved.endsAt().toString());
        for (var youngPersonId : nullSafe(moved.invitees())) {
            notify.family(event, moved.organisation(), MessageTemplate.SESSION_CHANGED, youngPersonId, moved.sessionId(),
                    params, null);
        }
    }

    /** Pending invitations and reminders are withdrawn; families and facilitators are told. */
    private void cancelled(CloudEvent event, SessionCancelledV1 cancelled) {
        pending.suppress(cancelled.sessionId(), null, ABOUT_ATTENDING, "session cancelled");
        if (alreadyStarted(cancelled.startsAt())) {
            return;
        }
        Map<String, Object> params = Map.of(
                "sessionId", cancelled.sessionId().toString(),
                "startsAt", cancelled.startsAt().toString());
        for (var youngPersonId : nullSafe(cancelled.invitees())) {
            notify.family(event, cancelled.organisation(), MessageTemplate.SESSION_CANCELLED, youngPersonId,
                    cancelled.sessionId(), params, null);
        }
        notify.facilitators(event, cancelled.organisation(), MessageTemplate.STAFF_SESSION_CANCELLED,
                cancelled.facilitatorIds(), cancelled.facilitators(), cancelled.sessionId(), params, false);
    }

    /**
     * The young person's pending messages about the session are withdrawn and their guardians told; when consent
     * ended, the coordinators are told too (SPEC §4).
     */
    private void removed(CloudEvent event, ParticipantRemovedV1 removed) {
        pending.suppress(removed.sessionId(), removed.youngPersonId(), ABOUT_ATTENDING, "taken off the session");
        if (alreadyStarted(removed.startsAt())) {
            return;
        }
        Map<String, Object> params = Map.of(
                "sessionId", removed.sessionId().toString(),
                "startsAt", removed.startsAt().toString(),
                "reason", removed.reason().name());
        notify.family(event, removed.organisation(), MessageTemplate.REMOVED_FROM_SESSION, removed.youngPersonId(),
                removed.sessionId(), params, null);
        if (removed.reason() == RemovalReason.CONSENT_WITHDRAWN || removed.reason() == RemovalReason.CONSENT_EXPIRED) {
            notify.staffWithRoles(event, removed.organisation(), MessageTemplate.STAFF_PARTICIPANT_REMOVED,
                    Set.of(StaffRole.COORDINATOR), removed.sessionId(), params, false);
        }
    }

    /** "Zoom bombing": the session's facilitators (by Keycloak id) are alerted at once, on every channel. */
    private void unknownParticipant(CloudEvent event, UnknownParticipantJoinedV1 joined) {
        notify.facilitators(event, joined.organisation(), MessageTemplate.UNKNOWN_PARTICIPANT_ALERT,
                joined.facilitatorIds(), joined.facilitators(), joined.sessionId(),
                Map.of("sessionId", joined.sessionId().toString(), "joinedAt", joined.joinedAt().toString()), true);
    }

    /** A stranger in the waiting room: the facilitators are alerted at once, before anyone admits them. */
    private void unknownParticipantWaiting(CloudEvent event, UnknownParticipantWaitingV1 waiting) {
        notify.facilitators(event, waiting.organisation(), MessageTemplate.UNKNOWN_PARTICIPANT_WAITING_ALERT,
                waiting.facilitatorIds(), waiting.facilitators(), waiting.sessionId(),
                Map.of("sessionId", waiting.sessionId().toString(), "waitingAt", waiting.waitingSince().toString()), true);
    }

    /** The managers are told a Zoom host is set aside until its safety settings are checked. */
    private void hostSettingsDrifted(CloudEvent event, ZoomHostSettingsDriftedV1 drifted) {
        notify.staffWithRoles(event, drifted.organisation(), MessageTemplate.ZOOM_HOST_SETTINGS_DRIFTED,
                Set.of(StaffRole.MANAGER), drifted.sessionId(), Map.of(
                        "sessionId", drifted.sessionId().toString(),
                        "settings", drifted.settings() == null ? List.of() : drifted.settings(),
                        "detectedAt", drifted.detectedAt().toString()), false);
    }

    /** The organisation's coordinators are told a session has no meeting yet. */
    private void provisioningFailed(CloudEvent event, MeetingProvisioningFailedV1 failed) {
        notify.staffWithRoles(event, failed.organisation(), MessageTemplate.PROVISIONING_FAILED,
                Set.of(StaffRole.COORDINATOR), failed.sessionId(), Map.of(
                        "sessionId", failed.sessionId().toString(),
                        "failure", failed.failure(),
                        "attempts", String.valueOf(failed.attempts()),
                        "startsAt", failed.startsAt().toString()), false);
    }

    /**
     * Families are not told about a session that has already started: such an event is late (a consumer catching up
     * after an outage or a first deployment), and an invitation or change for the past would only confuse.
     */
    private boolean alreadyStarted(OffsetDateTime startsAt) {
        return startsAt != null && !startsAt.isAfter(time.now());
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
