package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.rest.StatisticsPeriod;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.application.SessionStatistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * Sessions held and attendance for trustees and councils (SPEC §5), for DSLs and managers: aggregates of the
 * caller's organisation only, never a name, a title or an id. Under {@code /sessions}, where the public host routes
 * to this service.
 */
@Path("/sessions/statistics")
public class SessionStatisticsResource {

    @Inject
    Caller caller;

    @Inject
    SessionStatistics statistics;

    @Schema(name = "SessionStatistics", requiredProperties = {"organisation", "from", "to", "zone", "sessionsHeld",
            "youngPeopleReached", "invited", "attended", "months"})
    public record Statistics(String organisation, LocalDate from, LocalDate to,
                             @Schema(type = SchemaType.STRING,
                                     example = "Europe/London") ZoneId zone,
                             long sessionsHeld, long youngPeopleReached, long invited, long attended,
                             @Schema(description = "attended ÷ invited, to three places; null when no one was invited")
                             Double attendanceRate, List<Month> months) {
        static Statistics of(SessionStatistics.Statistics s) {
            SessionStatistics.Tally t = s.total();
            return new Statistics(s.organisation(), s.from(), s.to(), s.zone(), t.sessionsHeld(),
                    t.youngPeopleReached(), t.invited(), t.attended(), t.attendanceRate(),
                    s.months().stream().map(Month::of).toList());
        }
    }

    /** One month of the period (every month, zeros included); young people reached are distinct within it. */
    @Schema(name = "SessionStatisticsMonth", requiredProperties = {"month", "sessionsHeld", "groupSessions",
            "oneToOnes", "youngPeopleReached", "invited", "attended"})
    public record Month(@Schema(type = SchemaType.STRING,
                                example = "2026-01") YearMonth month,
                        long sessionsHeld, long groupSessions, long oneToOnes, long youngPeopleReached, long invited,
                        long attended,
                        @Schema(description = "attended ÷ invited, to three places; null when no one was invited")
                        Double attendanceRate) {
        static Month of(SessionStatistics.Month m) {
            SessionStatistics.Tally t = m.tally();
            return new Month(m.month(), t.sessionsHeld(), t.groupSessions(), t.oneToOnes(), t.youngPeopleReached(),
                    t.invited(), t.attended(), t.attendanceRate());
        }
    }

    @GET
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "sessionStatistics", summary = "Sessions held, young people reached and attendance per month")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The sessions held (started, ended or ended early; never "
                    + "cancelled) whose booked start falls from `from` to `to` (both days included, Europe/London), "
                    + "of the caller's organisation, per month and in all",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = Statistics.class))),
            @APIResponse(responseCode = "400", description = "`from` or `to` missing or not a date, `to` before "
                    + "`from`, or more than 366 days in all: the problem's `errors` name the field",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public Statistics get(@Valid @BeanParam StatisticsPeriod period) {
        return Statistics.of(statistics.of(caller.organisation(), period.from, period.to));
    }
}
