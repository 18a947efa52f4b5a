package org.safesessions.safeguarding.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working-day arithmetic for the council-decision clock: Saturdays, Sundays and the given bank holidays are not
 * working days. "One working day after" is the same local time on the next working day.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** {@code start} plus {@code days} working days, in {@code zone}'s calendar. */
    public static ZonedDateTime plus(ZonedDateTime start, int days, Set<LocalDate> holidays) {
        ZonedDateTime due = start;
        for (int added = 0; added < days; ) {
            due = due.plusDays(1);
            if (isWorkingDay(due.toLocalDate(), holidays)) {
                added++;
            }
        }
        return due;
    }

    /** The window of dates {@link #plus} can reach, so the caller can load the holidays in it in one query. */
    public static LocalDate horizon(ZonedDateTime start, int days) {
        return start.toLocalDate().plusDays(days * 7L + 14);
    }

    public static ZonedDateTime in(java.time.OffsetDateTime at, ZoneId zone) {
        return at.atZoneSameInstant(zone);
    }
}
