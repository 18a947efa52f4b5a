package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.safesessions.kit.crypto.Sealed;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Zoom meeting of a session on Zoom (one per session, keyed by the session's id), and the state of bringing
 * Zoom in line with the session: the meeting id, its sealed passcode, the session's schedule version it was last
 * created or updated with, whether it was deleted, and the provisioning state with its attempts, last failure and
 * next attempt. What Zoom must still be told follows from the session, this meeting and the invitations'
 * {@link ZoomRegistrant}s, so a retry redoes only what is missing. Changed only through its own methods; every
 * writer locks the row first ({@link #lockedFor}), the provisioner and booking alike.
 */
@Entity
@Table(name = "zoom_meeting")
public class ZoomMeeting extends PanacheEntityBase {

    /** The session's id. */
    @Id
    @Column(name = "id")
    public UUID sessionId;

    @Column(name = "meeting_id")
    public Long meetingId;

    @Column(name = "passcode_key")
    public String passcodeKey;

    @Column(name = "passcode")
    public byte[] passcode;

    /** The session's schedule version the meeting was last created or updated with. */
    @Column(name = "synced_version", nullable = false)
    public int syncedVersion;

    @Column(nullable = false)
    public boolean deleted;

    @Enumerated(EnumType.STRING)
    @Column(name = "provisioning_state", nullable = false)
    public ProvisioningState state;

    @Column(nullable = false)
    public int attempts;

    public String failure;

    /** When the next attempt is due (PENDING only); a claimed meeting's lease pushes it on. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    /** The Zoom host user the session is given (null: made before host pools, the configured single host's). */
    @Column(name = "host_user")
    public String hostUser;

    /** The host Zoom holds the meeting under; differs from {@link #hostUser} while a move is still to be sent. */
    @Column(name = "zoom_host_user")
    public String zoomHostUser;

    /**
     * When the create of the meeting was last sent to Zoom: until its answer is stored, Zoom may hold a meeting made
     * for it, to be looked for before another create is sent.
     */
    @Column(name = "create_sent_at")
    public OffsetDateTime createSentAt;

    @Version
    public long version;

    /** A session booked on Zoom: its meeting is to be made at once. */
    public static ZoomMeeting forSession(UUID sessionId, OffsetDateTime now) {
        ZoomMeeting meeting = new ZoomMeeting();
        meeting.sessionId = sessionId;
        meeting.due(now);
        meeting.persist();
        return meeting;
    }

    /** The session's meeting, locked for a change (booking and the provisioner never overwrite each other). */
    public static Optional<ZoomMeeting> lockedFor(UUID sessionId) {
        return Optional.ofNullable(findById(sessionId, LockModeType.PESSIMISTIC_WRITE));
    }

    public static Optional<ZoomMeeting> ofSession(UUID sessionId) {
        return Optional.ofNullable(findById(sessionId));
    }

    /** The meetings of these sessions, by session id (sessions off Zoom have none). */
    public static Map<UUID, ZoomMeeting> ofSessions(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        List<ZoomMeeting> meetings = list("sessionId in ?1", sessionIds);
        return meetings.stream().collect(Collectors.toMap(m -> m.sessionId, Function.identity()));
    }

    /** The meeting Zoom knows by this id, if it is ours. */
    public static Optional<ZoomMeeting> byMeetingId(long meetingId) {
        return find("meetingId", meetingId).firstResultOptional();
    }

    /**
     * Hosts of this organisation's other sessions on Zoom that are not over or cancelled and whose time comes
     * within {@code margin} of [from, to): a host runs one meeting at a time, with time to close one and open the next.
     */
    public static java.util.Set<String> hostsBusy(String organisation, UUID exceptSession, OffsetDateTime from,
                                                  OffsetDateTime to, java.time.Duration margin) {
        List<String> busy = getEntityManager().createQuery("""
                select m.hostUser from ZoomMeeting m, Session s
                 where s.id = m.sessionId and s.organisation = ?1 and s.id <> ?2 and m.hostUser is not null
                   and s.status in (?3, ?4) and s.startsAt < ?5 and s.endsAt > ?6""", String.class)
                .setParameter(1, organisation).setParameter(2, exceptSession)
                .setParameter(3, SessionStatus.SCHEDULED).setParameter(4, SessionStatus.STARTED)
                .setParameter(5, to.plus(margin)).setParameter(6, from.minus(margin))
                .getResultList();
        return java.util.Set.copyOf(busy);
    }

    /** The session is given this host; a meeting Zoom already holds under another is moved on the next pass. */
    public void assignHost(String userId) {
        hostUser = userId;
    }

    /** Zoom holds the meeting under {@code userId} (made there, or moved there). */
    public void heldBy(String userId) {
        zoomHostUser = userId;
    }

    /** Zoom has something to receive: provision at once, with a fresh budget of attempts. */
    public void due(OffsetDateTime now) {
        state = ProvisioningState.PENDING;
        attempts = 0;
        failure = null;
        nextAttemptAt = now;
    }

    /** The session was cancelled: a meeting Zoom holds is to be deleted; without one nothing is left to do. */
    public void sessionCancelled(OffsetDateTime now) {
        if (meetingId != null && !deleted) {
            due(now);
        } else {
            state = ProvisioningState.READY;
        }
    }

    /** Claimed by a provisioning pass: not due again until {@code until}, unless the pass records otherwise. */
    public void lease(OffsetDateTime until) {
        nextAttemptAt = until;
    }

    /** Due again at once (an attempt was interrupted by something other than Zoom). */
    public void release(OffsetDateTime now) {
        if (state == ProvisioningState.PENDING) {
            nextAttemptAt = now;
        }
    }

    /** The create is about to be sent to Zoom (recorded first, so a restart looks for the meeting before sending another). */
    public void createSent(OffsetDateTime now) {
        createSentAt = now;
    }

    /** Zoom made (or already had) the meeting, with this passcode, for the session's schedule version. */
    public void created(long meetingId, Sealed passcode, int scheduleVersion) {
        this.meetingId = meetingId;
        this.passcodeKey = passcode.keyId();
        this.passcode = passcode.cipherText();
        this.syncedVersion = scheduleVersion;
    }

    /** Zoom holds the session's title and times of this schedule version. */
    public void updated(int scheduleVersion) {
        if (syncedVersion < scheduleVersion) {
            syncedVersion = scheduleVersion;
        }
    }

    public void markDeleted() {
        deleted = true;
    }

    /** Nothing is left for Zoom: READY. */
    public void ready() {
        state = ProvisioningState.READY;
        attempts = 0;
        failure = null;
        nextAttemptAt = null;
    }

    /** Something is left for Zoom (a change arrived meanwhile): another attempt at once. */
    public void pendingAgain(OffsetDateTime now) {
        state = ProvisioningState.PENDING;
        nextAttemptAt = now;
    }

    /** An attempt failed and is retried at {@code next}. */
    public void retryAt(int attempts, String failure, OffsetDateTime next) {
        this.attempts = attempts;
        this.failure = failure;
        this.nextAttemptAt = next;
    }

    /** The retries gave up; a later change of the session tries again ({@link #due}). */
    public void gaveUp(int attempts, String failure) {
        state = ProvisioningState.FAILED;
        this.attempts = attempts;
        this.failure = failure;
        nextAttemptAt = null;
    }
}
