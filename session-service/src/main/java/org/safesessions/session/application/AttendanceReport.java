package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.AttendanceSource;
import org.safesessions.events.session.SessionKind;
import org.safesessions.events.session.TerminationReason;
import org.safesessions.kit.audit.Access;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.session.domain.Attendance;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Sessions of a period with their times and attendance (seeds: "attendance and times recorded"). */
@ApplicationScoped
public class AttendanceReport {

    @Inject
    AccessLog accessLog;

    public static final int MAX_SESSIONS = 2000;

    public record Line(UUID youngPersonId, String facilitator, boolean unknownParticipant, boolean attended,
                       OffsetDateTime joinedAt, OffsetDateTime leftAt, AttendanceSource source) {
    }

    public record SessionAttendance(UUID sessionId, SessionKind kind, Platform platform, OffsetDateTime startsAt,
                                    OffsetDateTime endsAt, SessionStatus status, OffsetDateTime startedAt,
                                    OffsetDateTime endedAt, TerminationReason terminationReason, List<String> facilitators,
                                    int invited, long youngPeopleAttended, long unknownParticipants, List<Line> attendance) {
    }

    @Transactional
    public List<SessionAttendance> between(String organisation, OffsetDateTime from, OffsetDateTime to) {
        List<Session> sessions = Session.<Session>find("organisation = ?1 and startsAt >= ?2 and startsAt < ?3 "
                + "order by startsAt desc, id", organisation, from, to).page(0, MAX_SESSIONS).list();
        accessLog.record(organisation, Access.export("ATTENDANCE_REPORT", null).detail(from + "/" + to));
        return sessions.stream().map(s -> {
            List<Line> lines = Attendance.ofSession(s.id).stream().map(a -> new Line(a.youngPersonId, a.facilitator,
                    a.unknownParticipant(), a.attended, a.joinedAt, a.leftAt, a.source)).toList();
            long attended = lines.stream().filter(l -> l.youngPersonId() != null && l.attended())
                    .map(Line::youngPersonId).distinct().count();
            long unknown = lines.stream().filter(Line::unknownParticipant).count();
            return new SessionAttendance(s.id, s.kind, s.platform, s.startsAt, s.endsAt, s.status, s.startedAt,
                    s.endedAt, s.terminationReason, s.facilitatorNames(), s.invitees().size(), attended, unknown, lines);
        }).toList();
    }
}
