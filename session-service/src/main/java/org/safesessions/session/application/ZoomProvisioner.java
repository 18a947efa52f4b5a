package org.safesessions.session.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.safesessions.events.session.MeetingProvisioningFailedV1;
import org.safesessions.events.session.ParticipantInvitedV1;
import org.safesessions.kit.crypto.Sealed;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.time.Time;
import org.safesessions.kit.work.CoalescingRunner;
import org.safesessions.session.client.Passcodes;
import org.safesessions.session.client.ZoomClient;
import org.safesessions.session.client.ZoomConfig;
import org.safesessions.session.client.ZoomFailure;
import org.safesessions.session.client.ZoomMessages.Meeting;
import org.safesessions.session.client.ZoomMessages.MeetingCreated;
import org.safesessions.session.client.ZoomMessages.MeetingSettings;
import org.safesessions.session.client.ZoomMessages.Registrant;
import org.safesessions.session.client.ZoomMessages.RegistrantCreated;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.MeetingSecrets;
import org.safesessions.session.domain.ProvisioningState;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionChanged;
import org.safesessions.session.domain.SessionStatus;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Brings Zoom in line with each session that has work for it: create or update the meeting, one registrant per
 * invitee, cancel removed registrants, delete a cancelled session's meeting. Each Zoom answer is stored the moment
 * it arrives (in its own short transaction), and every step first looks at what is already stored, so a retry
 * repeats only what is missing and never creates a second meeting or registrant. Zoom failures are retried with
 * exponential backoff (or Zoom's Retry-After); after {@code max-attempts} the session is FAILED and
 * MeetingProvisioningFailed is published.
 */
@ApplicationScoped
public class ZoomProvisioner {

    private static final Logger LOG = Logger.getLogger(ZoomProvisioner.class);

    @Inject
    ZoomClient zoom;

    @Inject
    ZoomConfig config;

    @Inject
    MeetingSecrets secrets;

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    ManagedExecutor executor;

    private final CoalescingRunner runner = new CoalescingRunner(this::pass);

    void onSessionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged changed) {
        executor.execute(runner::request);
    }

    /** Picks up retries whose backoff has passed, and work left by a restart. */
    @Scheduled(every = "${safesessions.zoom.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runner.request();
    }

    void pass() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Session.<Session>find(
                        "provisioningState = ?1 and nextProvisioningAt <= ?2 order by nextProvisioningAt",
                        ProvisioningState.PENDING, time.now()).page(0, 50).list().stream().map(s -> s.id).toList());
        for (UUID sessionId : due) {
            try {
                provision(sessionId);
            } catch (ZoomFailure failure) {
                failed(sessionId, failure);
            } catch (RuntimeException e) {
                // e.g. a concurrent change of the same session: the next pass sees the new state
                LOG.warnf("provisioning of session %s deferred: %s", sessionId, e.getClass().getName());
            }
        }
    }

    /** One provisioning attempt of one session. */
    void provision(UUID sessionId) {
        Work work = QuarkusTransaction.requiringNew().call(() -> Work.of(Session.findById(sessionId)));
        if (work == null) {
            return;
        }
        Long meetingId = work.meetingId;
        if (work.cancelled) {
            if (meetingId != null && !work.meetingDeleted) {
                zoom.deleteMeeting(meetingId);
                QuarkusTransaction.requiringNew().run(() ->
                        Session.update("zoomMeetingDeleted = true where id = ?1", sessionId));
            }
        } else {
            if (meetingId == null) {
                zoom.enforceHostSettings();
                String passcode = Passcodes.generate();
                MeetingCreated created = zoom.findMeeting(agenda(sessionId))
                        .orElseGet(() -> zoom.createMeeting(meeting(work, passcode)));
                meetingId = created.id();
                long id = meetingId;
                String code = created.password() != null ? created.password() : passcode;
                QuarkusTransaction.requiringNew().run(() -> {
                    Sealed sealed = secrets.sealPasscode(sessionId, code);
                    Session.update("zoomMeetingId = ?1, zoomPasscodeKey = ?2, zoomPasscode = ?3, zoomSyncedVersion = ?4 "
                            + "where id = ?5", id, sealed.keyId(), sealed.cipherText(), work.scheduleVersion, sessionId);
                });
            } else if (work.syncedVersion < work.scheduleVersion) {
                zoom.updateMeeting(meetingId, meeting(work, null));
                QuarkusTransaction.requiringNew().run(() -> Session.update(
                        "zoomSyncedVersion = ?1 where id = ?2 and zoomSyncedVersion < ?1", work.scheduleVersion, sessionId));
            }
            for (UUID youngPersonId : work.needRegistrant) {
                RegistrantCreated registrant = zoom.registrant(meetingId, new Registrant(
                        youngPersonId + "@" + config.registrantEmailDomain(), "Participant",
                        youngPersonId.toString().substring(0, 8)));
                QuarkusTransaction.requiringNew().run(() -> registered(sessionId, youngPersonId, registrant));
            }
        }
        for (Invitation.Key removed : work.registrantsToCancel) {
            zoom.cancelRegistrant(meetingId, work.registrantIds.get(removed));
            QuarkusTransaction.requiringNew().run(() -> Invitation.update(
                    "zoomRegistrantCancelled = true where key = ?1", removed));
        }
        QuarkusTransaction.requiringNew().run(() -> settle(sessionId));
    }

    /** Stores the registrant; the invitation is ready and ParticipantInvited goes out, unless it was removed meanwhile. */
    private void registered(UUID sessionId, UUID youngPersonId, RegistrantCreated registrant) {
        Invitation invitation = Invitation.findById(new Invitation.Key(sessionId, youngPersonId), LockModeType.PESSIMISTIC_WRITE);
        if (invitation == null || invitation.zoomRegistrantId != null) {
            return;
        }
        Sealed sealed = secrets.sealJoinUrl(invitation.key, registrant.joinUrl());
        boolean stillInvited = invitation.invited();
        Invitation.update("zoomRegistrantId = ?1, zoomJoinUrlKey = ?2, zoomJoinUrl = ?3, invitationReady = ?4 where key = ?5",
                registrant.registrantId(), sealed.keyId(), sealed.cipherText(), stillInvited, invitation.key);
        if (stillInvited) {
            Session session = Session.findById(sessionId);
            outbox.publish(sessionId, new ParticipantInvitedV1(sessionId, session.organisation, youngPersonId,
                    session.platform, session.startsAt, session.endsAt));
        }
    }

    /** READY when nothing is left for Zoom; otherwise another pass at once (a change arrived meanwhile). */
    private void settle(UUID sessionId) {
        Work left = Work.of(Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE));
        boolean done = left == null || left.nothingLeft();
        if (done) {
            Session.update("provisioningState = ?1, provisioningAttempts = 0, provisioningFailure = null, "
                    + "nextProvisioningAt = null where id = ?2", ProvisioningState.READY, sessionId);
        } else {
            Session.update("provisioningState = ?1, nextProvisioningAt = ?2 where id = ?3", ProvisioningState.PENDING, time.now(),
                    sessionId);
        }
    }

    private void failed(UUID sessionId, ZoomFailure failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            Session session = Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
            int attempts = session.provisioningAttempts + 1;
            if (failure.retryable() && attempts < config.maxAttempts()) {
                Duration wait = failure.retryAfter().orElse(backoff(attempts));
                if (failure.code().equals(ZoomFailure.TIMEOUT) && wait.compareTo(config.timeoutSettle()) < 0) {
                    wait = config.timeoutSettle();
                }
                Session.update("provisioningAttempts = ?1, provisioningFailure = ?2, nextProvisioningAt = ?3 where id = ?4",
                        attempts, failure.code(), time.now().plus(wait), sessionId);
                LOG.infof("Zoom provisioning of session %s: attempt %d failed (%s), next in %s", sessionId, attempts,
                        failure.code(), wait);
            } else {
                Session.update("provisioningState = ?1, provisioningAttempts = ?2, provisioningFailure = ?3, "
                        + "nextProvisioningAt = null where id = ?4", ProvisioningState.FAILED, attempts, failure.code(), sessionId);
                outbox.publish(sessionId, new MeetingProvisioningFailedV1(sessionId, session.organisation,
                        failure.code(), attempts, session.startsAt, time.now()));
                LOG.warnf("Zoom provisioning of session %s gave up after %d attempts (%s)", sessionId, attempts, failure.code());
            }
        });
    }

    private Duration backoff(int attempts) {
        Duration wait = config.firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static Meeting meeting(Work work, String passcode) {
        return new Meeting(work.title, 2, work.startsAt.format(DateTimeFormatter.ISO_INSTANT), work.minutes,
                "Europe/London", agenda(work.sessionId), passcode, MeetingSettings.safe());
    }

    /** The agenda names the session (an id, no personal data), so a meeting can be found again after a lost answer. */
    static String agenda(UUID sessionId) {
        return "SafeSessions session " + sessionId;
    }

    /** What one attempt has to do, read from the session in one transaction. */
    record Work(UUID sessionId, String title, OffsetDateTime startsAt, int minutes, boolean cancelled, Long meetingId,
                boolean meetingDeleted, int scheduleVersion, int syncedVersion, List<UUID> needRegistrant,
                List<Invitation.Key> registrantsToCancel, java.util.Map<Invitation.Key, String> registrantIds) {

        static Work of(Session s) {
            if (s == null || !s.onZoom() || s.status == SessionStatus.STARTED || s.status == SessionStatus.ENDED
                    || s.status == SessionStatus.TERMINATED_EARLY) {
                return null;
            }
            List<UUID> need = s.invitations.stream().filter(i -> i.invited() && i.zoomRegistrantId == null)
                    .map(Invitation::youngPersonId).toList();
            List<Invitation> cancel = s.invitations.stream().filter(Invitation::registrantToCancel).toList();
            java.util.Map<Invitation.Key, String> ids = new java.util.HashMap<>();
            cancel.forEach(i -> ids.put(i.key, i.zoomRegistrantId));
            return new Work(s.id, s.title, s.startsAt, (int) Duration.between(s.startsAt, s.endsAt).toMinutes(),
                    s.status == SessionStatus.CANCELLED, s.zoomMeetingId, s.zoomMeetingDeleted, s.scheduleVersion,
                    s.zoomSyncedVersion, need, cancel.stream().map(i -> i.key).toList(), ids);
        }

        boolean nothingLeft() {
            if (cancelled) {
                return (meetingId == null || meetingDeleted) && registrantsToCancel.isEmpty();
            }
            return meetingId != null && syncedVersion >= scheduleVersion && needRegistrant.isEmpty()
                    && registrantsToCancel.isEmpty();
        }
    }
}
