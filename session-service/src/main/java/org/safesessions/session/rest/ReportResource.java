package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.AttendanceSource;
import org.safesessions.events.session.SessionKind;
import org.safesessions.events.session.TerminationReason;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.application.AttendanceReport;
import org.safesessions.session.domain.SessionStatus;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The attendance report of a period, as JSON or CSV ({@code Accept: text/csv}): every session starting in
 * [from, to), its times and who attended. At most a year at a time.
 */
@Path("/reports/attendance")
@RolesAllowed({Roles.COORDINATOR, Roles.MANAGER})
public class ReportResource {

    @Inject
    Caller caller;

    @Inject
    AttendanceReport report;

    /** One attendance line: a young person, a facilitator or an unknown participant. */
    @Schema(name = "Line", requiredProperties = {"unknownParticipant", "attended", "source"})
    public record Line(UUID youngPersonId, String facilitator, boolean unknownParticipant, boolean attended,
                       OffsetDateTime joinedAt, OffsetDateTime leftAt, AttendanceSource source) {
        static Line of(AttendanceReport.Line l) {
            return new Line(l.youngPersonId(), l.facilitator(), l.unknownParticipant(), l.attended(), l.joinedAt(),
                    l.leftAt(), l.source());
        }
    }

    /** A session of the period with its times and attendance. */
    @Schema(name = "SessionAttendance", requiredProperties = {"sessionId", "kind", "platform", "startsAt", "endsAt",
            "status", "facilitators", "invited", "youngPeopleAttended", "unknownParticipants", "attendance"})
    public record SessionAttendance(UUID sessionId, SessionKind kind, Platform platform, OffsetDateTime startsAt,
                                    OffsetDateTime endsAt, SessionStatus status, OffsetDateTime startedAt,
                                    OffsetDateTime endedAt, TerminationReason terminationReason, List<String> facilitators,
                                    int invited, long youngPeopleAttended, long unknownParticipants, List<Line> attendance) {
        static SessionAttendance of(AttendanceReport.SessionAttendance s) {
            return new SessionAttendance(s.sessionId(), s.kind(), s.platform(), s.startsAt(), s.endsAt(), s.status(),
                    s.startedAt(), s.endedAt(), s.terminationReason(), s.facilitators(), s.invited(),
                    s.youngPeopleAttended(), s.unknownParticipants(), s.attendance().stream().map(Line::of).toList());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "attendanceReport", summary = "Report the sessions of a period with their times and attendance")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The sessions starting in [from, to), newest first; CSV with Accept: text/csv",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SessionAttendance.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public List<SessionAttendance> json(@QueryParam("from") String from, @QueryParam("to") String to) {
        OffsetDateTime start = required("from", from);
        OffsetDateTime end = required("to", to);
        if (!end.isAfter(start) || Duration.between(start, end).toDays() > 366) {
            throw new BadRequestException("to must fall after from, at most a year later");
        }
        return report.between(caller.organisation(), start, end).stream().map(SessionAttendance::of).toList();
    }

    /** One row per attendance line (a session without any has one row with empty attendance columns). */
    @GET
    @Produces("text/csv;qs=0.5") // JSON unless CSV is asked for
    @Operation(operationId = "attendanceReport", summary = "Report the sessions of a period with their times and attendance")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "One row per attendance line",
                    content = @Content(mediaType = ApiDocs.CSV, schema = @Schema(implementation = String.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public String csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        StringBuilder csv = new StringBuilder("sessionId,kind,platform,startsAt,endsAt,status,startedAt,endedAt,"
                + "terminationReason,facilitators,invited,youngPeopleAttended,unknownParticipants,"
                + "participant,attended,joinedAt,leftAt,source\r\n");
        for (SessionAttendance s : json(from, to)) {
            String session = String.join(",", cells(s.sessionId(), s.kind(), s.platform(), s.startsAt(), s.endsAt(),
                    s.status(), s.startedAt(), s.endedAt(), s.terminationReason(), String.join(" ", s.facilitators()),
                    s.invited(), s.youngPeopleAttended(), s.unknownParticipants()));
            if (s.attendance().isEmpty()) {
                csv.append(session).append(",,,,,\r\n");
            }
            for (Line line : s.attendance()) {
                String who = line.youngPersonId() != null ? line.youngPersonId().toString()
                        : line.facilitator() != null ? line.facilitator() : "unknown participant";
                csv.append(session).append(',').append(String.join(",", cells(who, line.attended(), line.joinedAt(),
                        line.leftAt(), line.source()))).append("\r\n");
            }
        }
        return csv.toString();
    }

    private static List<String> cells(Object... values) {
        return java.util.Arrays.stream(values).map(v -> v == null ? "" : quote(Objects.toString(v))).toList();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs a cell. */
    private static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d.*") ? "'" + value : value;
        return safe.matches("[A-Za-z0-9 :.+_-]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static OffsetDateTime required(String name, String value) {
        OffsetDateTime time = QueryTimes.parse(name, value);
        if (time == null) {
            throw new BadRequestException(name + " is required");
        }
        return time;
    }
}
