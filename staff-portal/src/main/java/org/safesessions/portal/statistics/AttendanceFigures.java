package org.safesessions.portal.statistics;

import io.quarkus.qute.TemplateData;

import java.time.YearMonth;
import java.util.List;

/** Sessions per month: booked, held (started), young people invited and who attended, unknown participants. */
@TemplateData
public record AttendanceFigures(List<Month> months) {

    @TemplateData
    public record Month(YearMonth month, long sessions, long held, long invited, long attended, long unknownParticipants) {
    }
}
