package org.safesessions.session.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.session.application.AttendanceRegister;
import org.safesessions.session.domain.Attendance;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.WaitingRoomEntry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The facilitators' live view of a session (SPEC §4): who is in the Zoom waiting room, who is in or has left, and
 * where each invited young person is. A waiting person who is neither invited nor a facilitator is {@code unknown}
 * and shown with the name they typed into Zoom, so the facilitators know whom not to admit.
 *
 * @param waitingRoom everyone who waited, oldest first
 * @param meeting     joins and leaves (webhook or by hand)
 * @param invitees    each invited young person: {@code NOT_ARRIVED}, {@code WAITING}, {@code IN} or {@code LEFT}
 */
@Schema(requiredProperties = {"sessionId", "waitingRoom", "meeting", "invitees"})
public record ParticipantsView(UUID sessionId, List<Waiting> waitingRoom, List<InMeeting> meeting, List<Invitee> invitees) {

    public record Waiting(String participantRef, String displayName, UUID youngPersonId, String facilitator,
                          boolean unknown, OffsetDateTime waitingSince, OffsetDateTime admittedAt, OffsetDateTime leftAt) {
    }

    public record InMeeting(String participantRef, UUID youngPersonId, String facilitator, boolean unknown,
                            OffsetDateTime joinedAt, OffsetDateTime leftAt) {
    }

    public record Invitee(UUID youngPersonId, String state) {
    }

    static ParticipantsView of(AttendanceRegister.Participants p) {
        List<Waiting> waiting = p.waitingRoom().stream().map(named -> {
            WaitingRoomEntry w = named.entry();
            return new Waiting(w.key.participantRef, named.displayName(), w.youngPersonId, w.facilitator, w.unknown(),
                    w.waitingSince, w.admittedAt, w.leftAt);
        }).toList();
        List<InMeeting> meeting = p.attendance().stream().filter(a -> a.attended).map(a -> new InMeeting(
                a.participantRef, a.youngPersonId, a.facilitator, a.unknownParticipant(), a.joinedAt, a.leftAt)).toList();
        List<Invitee> invitees = p.session().invitations.stream().filter(Invitation::invited)
                .map(i -> new Invitee(i.youngPersonId(), state(i.youngPersonId(), p))).toList();
        return new ParticipantsView(p.session().id, waiting, meeting, invitees);
    }

    private static String state(UUID youngPersonId, AttendanceRegister.Participants p) {
        List<Attendance> rows = p.attendance().stream()
                .filter(a -> a.attended && youngPersonId.equals(a.youngPersonId)).toList();
        if (rows.stream().anyMatch(a -> a.leftAt == null)) {
            return "IN";
        }
        if (!rows.isEmpty()) {
            return "LEFT";
        }
        boolean waiting = p.waitingRoom().stream().map(AttendanceRegister.Waiting::entry)
                .anyMatch(w -> youngPersonId.equals(w.youngPersonId) && w.waiting());
        return waiting ? "WAITING" : "NOT_ARRIVED";
    }
}
