package org.safesessions.portal.statistics;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * session-service's statistics ({@code GET /sessions/statistics?from&to}): sessions held, young people reached,
 * invited and attending, for the period and per month. Aggregates only; an attendance rate is null when nobody was
 * invited.
 */
@TemplateData
public record SessionFigures(LocalDate from, LocalDate to, long sessionsHeld, long youngPeopleReached, long invited,
                             long attended, Double attendanceRate, List<Month> months) {

    @TemplateData
    public record Month(YearMonth month, long sessionsHeld, long groupSessions, long oneToOnes, long youngPeopleReached,
                        long invited, long attended, Double attendanceRate) {
    }
}
