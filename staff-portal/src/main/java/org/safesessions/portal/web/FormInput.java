package org.safesessions.portal.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a person typed into GOV.UK date inputs and a time field; it does not judge it (the services do). */
final class FormInput {

    private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\s*", Pattern.CASE_INSENSITIVE);

    private FormInput() {
    }

    static Optional<LocalDate> date(String day, String month, String year) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "16:00", "4pm", "4:30pm", "9.15". */
    static Optional<LocalTime> time(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(typed);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (m.group(3) != null) {
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                hour = hour % 12 + (m.group(3).equalsIgnoreCase("pm") ? 12 : 0);
            }
            return Optional.of(LocalTime.of(hour, minute));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
