package org.safesessions.safeguarding.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.rest.StatisticsPeriod;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.application.ConcernStatistics;

/**
 * Statistics for trustees and councils (SPEC §5), for DSLs and managers: aggregates of the concerns each may see,
 * never a name or a narrative, never an allegation counted to its subject.
 */
@Path("/statistics")
public class StatisticsResource {

    @Inject
    ConcernStatistics statistics;

    @Inject
    Readers readers;

    @Inject
    Time time;

    @Operation(operationId = "concernStatistics", summary = "Concerns per month by category and risk, time to acknowledge, council response times")
    @APIResponse(responseCode = "200", description = "The statistics of the concerns raised from `from` to `to` (both days included, Europe/London), of those the caller may see",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernStatistics.Statistics.class)))
    @APIResponse(responseCode = "400", description = "`from` or `to` missing or not a date, `to` before `from`, or more than 366 days in all: the problem's `errors` name the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public ConcernStatistics.Statistics get(@Valid @BeanParam StatisticsPeriod period) {
        return statistics.of(readers.reader(), period.from, period.to, time.now());
    }
}
