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

    private static final java.util.Map<String, String> NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("SMS", "Text message"), java.util.Map.entry("ZOOM", "Zoom"),
            java.util.Map.entry("TEAMS", "Microsoft Teams"), java.util.Map.entry("GOOGLE_MEET", "Google Meet"),
            java.util.Map.entry("WHATSAPP", "WhatsApp"), java.util.Map.entry("MESSENGER", "Messenger"),
            java.util.Map.entry("SKYPE", "Skype"), java.util.Map.entry("INSTAGRAM", "Instagram"),
            java.util.Map.entry("DISCORD", "Discord"), java.util.Map.entry("ONE_TO_ONE_SESSIONS", "One-to-one sessions"),
            java.util.Map.entry("ONE_TO_ONE", "One-to-one"), java.util.Map.entry("PHOTOGRAPHY_FILMING", "Photography and filming"),
            java.util.Map.entry("NO_CONSENT", "There is no consent for this"),
            java.util.Map.entry("WITHDRAWN", "Withdrawn"), java.util.Map.entry("EXPIRED", "Expired"),
            java.util.Map.entry("PLATFORM_NOT_COVERED", "The consent does not cover this platform"),
            java.util.Map.entry("AGREEMENT_MISSING", "The online safety agreement has not been recorded"),
            java.util.Map.entry("VERBAL_RECORDED", "Verbal (recorded)"), java.util.Map.entry("YOUNG_PERSON", "The young person"));

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

    /** "GROUP_SESSIONS" → "Group sessions", "IMMEDIATE_DANGER" → "Immediate danger", "session-invitation" → "Session invitation". */
    public static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String named = NAMES.get(code);
        if (named != null) {
            return named;
        }
        String lower = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** "dateOfBirth".dash("day") → "dateOfBirth-day": the parts of a GOV.UK date input. */
    static String dash(String id, String part) {
        return id + "-" + part;
    }

    /**
     * A message's text as its paragraphs, one per line (blank lines dropped): {#for p in n.body.paragraphs}. Each is
     * plain text, escaped by the template like any other value, so no HTML from a message reaches the page.
     */
    static java.util.List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return java.util.List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.UK);
    }

    /** Is this code among the chosen ones (checkboxes)? */
    static boolean among(String code, Object chosen) {
        return chosen instanceof java.util.Collection<?> c ? c.contains(code) : code.equals(chosen);
    }

    /** Service field name → form field id, as FormErrors names them. */
    static String fieldId(String serviceField) {
        return org.safesessions.portal.problem.FormErrors.id(serviceField);
    }
}
