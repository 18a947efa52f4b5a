package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.session.AttendanceRecordedV1;
import org.safesessions.events.session.AttendanceSource;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.events.session.UnknownParticipantWaitingV1;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.time.Time;
import org.safesessions.session.domain.Attendance;
import org.safesessions.session.domain.Facilitators;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.MeetingSecrets;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionStatus;
import org.safesessions.session.domain.Viewer;
import org.safesessions.session.domain.WaitingRoomEntry;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.session.domain.ZoomRegistrant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attendance and times, from Zoom's participant webhooks or entered by a facilitator. A participant who is neither a
 * facilitator nor an invited registrant is an unknown participant ("Zoom bombing"): UnknownParticipantJoined goes
 * out at once, in the same transaction as the record.
 */
@ApplicationScoped
public class AttendanceRegister {

    public static final String ATTENDANCE_FOR_INVITEES = "attendance-for-invited-young-people";
    public static final String ATTENDANCE_AFTER_BOOKING = "attendance-once-the-session-has-begun";

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    Facilitators facilitators;

    @Inject
    org.safesessions.session.client.ZoomConfig zoom;

    @Inject
    MeetingSecrets secrets;

    /** Who joined, as Zoom says it: its participant id, the registrant id (if any) and the email they joined with. */
    public record Participant(String participantRef, String registrantId, String email) {
    }

    @Transactional
    public void joined(long meetingId, Participant participant, OffsetDateTime joinedAt) {
        Session session = ZoomMeeting.byMeetingId(meetingId).map(m -> Session.<Session>findById(m.sessionId)).orElse(null);
        if (session == null || Attendance.byParticipant(session.id, participant.participantRef()).isPresent()) {
            return; // a meeting we do not hold, or a join already recorded
        }
        Attendance row = newRow(session.id, participant.participantRef(), AttendanceSource.WEBHOOK);
        row.joinedAt = joinedAt;
        row.attended = true;
        Optional<Invitation> invitee = invitedRegistrant(session, participant.registrantId());
        if (invitee.isPresent()) {
            row.youngPersonId = invitee.get().youngPersonId();
        } else {
            // a facilitator is recognised through the staff directory, however their name was typed at booking
            facilitators.joinedAs(session, participant.email(), zoom.staffEmailDomain()).ifPresent(f -> {
                row.facilitator = f.userName;
                row.facilitatorId = f.userId;
            });
        }
        row.persist();
        if (row.youngPersonId != null) {
            outbox.publish(session.id, new AttendanceRecordedV1(session.id, session.organisation,
                    row.youngPersonId, true, joinedAt, null, AttendanceSource.WEBHOOK));
        } else if (row.unknownParticipant()) {
            outbox.publish(session.id, new UnknownParticipantJoinedV1(session.id,
                    session.organisation, participant.participantRef(), joinedAt, session.facilitatorNames(),
                    session.facilitatorIds()));
        }
    }

    /**
     * Someone is in the meeting's waiting room. Matched as a join is (an invited registrant, a facilitator); anyone
     * else alerts the facilitators at once (UnknownParticipantWaiting), before anyone admits them. The name they
     * typed stays here, sealed, for the facilitators' view.
     */
    @Transactional
    public void waiting(long meetingId, Participant participant, String displayName, OffsetDateTime since) {
        Session session = ZoomMeeting.byMeetingId(meetingId).map(m -> Session.<Session>findById(m.sessionId)).orElse(null);
        if (session == null) {
            return;
        }
        boolean alreadyWaiting = WaitingRoomEntry.of(session.id, participant.participantRef())
                .filter(WaitingRoomEntry::waiting).isPresent();
        WaitingRoomEntry entry = WaitingRoomEntry.arrived(session.id, participant.participantRef(), displayName,
                secrets::sealDisplayName, since);
        Optional<Invitation> invitee = invitedRegistrant(session, participant.registrantId());
        if (invitee.isPresent()) {
            entry.youngPersonId = invitee.get().youngPersonId();
        } else {
            facilitators.joinedAs(session, participant.email(), zoom.staffEmailDomain()).ifPresent(f -> {
                entry.facilitator = f.userName;
                entry.facilitatorId = f.userId;
            });
        }
        if (entry.unknown() && !alreadyWaiting) {
            outbox.publish(session.id, new UnknownParticipantWaitingV1(session.id, session.organisation,
                    participant.participantRef(), since, session.facilitatorNames(), session.facilitatorIds()));
        }
    }

    /** The host admitted them from the waiting room (their join follows as meeting.participant_joined). */
    @Transactional
    public void admitted(long meetingId, String participantRef, OffsetDateTime at) {
        ZoomMeeting.byMeetingId(meetingId).flatMap(m -> WaitingRoomEntry.of(m.sessionId, participantRef))
                .ifPresent(entry -> entry.admitted(at));
    }

    /** They left the waiting room without being admitted. */
    @Transactional
    public void leftWaitingRoom(long meetingId, String participantRef, OffsetDateTime at) {
        ZoomMeeting.byMeetingId(meetingId).flatMap(m -> WaitingRoomEntry.of(m.sessionId, participantRef))
                .ifPresent(entry -> entry.left(at));
    }

    /** Who is waiting, in and gone, against the invitation list: the facilitators' live view of a session. */
    public record Participants(Session session, List<Waiting> waitingRoom, List<Attendance> attendance) {
    }

    /** A waiting-room entry with the name typed into Zoom, opened for the facilitators. */
    public record Waiting(WaitingRoomEntry entry, String displayName) {
    }

    public Participants participants(Viewer viewer, UUID sessionId) {
        Session session = viewer.session(sessionId);
        List<Waiting> waiting = WaitingRoomEntry.ofSession(session.id).stream()
                .map(entry -> new Waiting(entry, secrets.displayName(entry))).toList();
        return new Participants(session, waiting, Attendance.ofSession(session.id));
    }

    @Transactional
    public void left(long meetingId, String participantRef, OffsetDateTime leftAt) {
        Session session = ZoomMeeting.byMeetingId(meetingId).map(m -> Session.<Session>findById(m.sessionId)).orElse(null);
        if (session == null) {
            return;
        }
        Attendance row = Attendance.byParticipant(session.id, participantRef).orElse(null);
        if (row == null || row.leftAt != null) {
            return;
        }
        row.leftAt = leftAt;
        if (row.youngPersonId != null) {
            outbox.publish(session.id, new AttendanceRecordedV1(session.id, session.organisation,
                    row.youngPersonId, true, row.joinedAt, leftAt, AttendanceSource.WEBHOOK));
        }
    }

    /** A facilitator's record of a young person's attendance (or absence), replacing their earlier manual one. */
    @Transactional
    public Session recordByHand(Viewer viewer, UUID sessionId, UUID youngPersonId, boolean attended,
                                OffsetDateTime joinedAt, OffsetDateTime leftAt) {
        Session session = viewer.session(sessionId);
        if (session.invitation(youngPersonId).filter(Invitation::invited).isEmpty()) {
            throw new RuleViolationException(ATTENDANCE_FOR_INVITEES, "attendance is recorded for invited young people");
        }
        if (session.status == SessionStatus.SCHEDULED || session.status == SessionStatus.CANCELLED) {
            throw new RuleViolationException(ATTENDANCE_AFTER_BOOKING, "attendance is recorded once the session has started");
        }
        String ref = "manual:" + youngPersonId;
        Attendance row = Attendance.byParticipant(session.id, ref)
                .orElseGet(() -> newRow(session.id, ref, AttendanceSource.MANUAL));
        row.youngPersonId = youngPersonId;
        row.attended = attended;
        row.joinedAt = attended ? joinedAt : null;
        row.leftAt = attended ? leftAt : null;
        row.recordedAt = time.now();
        row.persist();
        outbox.publish(session.id, new AttendanceRecordedV1(session.id, session.organisation,
                youngPersonId, attended, row.joinedAt, row.leftAt, AttendanceSource.MANUAL));
        return session;
    }

    private static Optional<Invitation> invitedRegistrant(Session session, String registrantId) {
        if (registrantId == null || registrantId.isBlank()) {
            return Optional.empty();
        }
        return ZoomRegistrant.byRegistrantId(session.id, registrantId)
                .flatMap(r -> session.invitation(r.key.youngPersonId)).filter(Invitation::invited);
    }

    private Attendance newRow(UUID sessionId, String ref, AttendanceSource source) {
        Attendance row = new Attendance();
        row.id = UUID.randomUUID();
        row.sessionId = sessionId;
        row.participantRef = ref;
        row.source = source;
        row.recordedAt = time.now();
        return row;
    }

}
