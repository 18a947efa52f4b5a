package org.safesessions.portal.web;

import io.quarkus.qute.TemplateExtension;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Template extensions that put the services' codes and times in plain English, in UK time. */
@TemplateExtension
public class Words {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** "2026-12-02T10:00:00Z" → "Wednesday 2 December 2026 at 10:00am". */
    static String ukTime(String isoTime) {
        if (isoTime == null || isoTime.isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(isoTime).atZoneSameInstant(UK).format(TIME).replace("AM", "am").replace("PM", "pm");
        } catch (DateTimeParseException e) {
            return isoTime;
        }
    }

    /** "2012-03-04" or a time → "4 March 2012". */
    static String ukDate(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        try {
            if (isoDate.length() > 10) {
                return OffsetDateTime.parse(isoDate).atZoneSameInstant(UK).format(DATE);
            }
            return java.time.LocalDate.parse(isoDate).format(DATE);
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    /** "GROUP_SESSIONS" → "Group sessions", "IMMEDIATE_DANGER" → "Immediate danger". */
    static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String lower = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Service field name → form field id, as FormErrors names them. */
    static String fieldId(String serviceField) {
        return org.safesessions.portal.problem.FormErrors.id(serviceField);
    }
}
