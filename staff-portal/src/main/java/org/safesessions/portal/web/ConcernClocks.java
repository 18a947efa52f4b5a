package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A safeguarding clock as the dashboard shows it: which concern, which clock, when it is due and how long is left
 * (negative once overdue). The due time comes from safeguarding-service (its overdue list, or the concern record);
 * for an immediate danger not yet acknowledged, the list carries only the time it was raised, so the due time is
 * that plus the acknowledgement window the portal is configured with (the service's default, 15 minutes).
 *
 * @param kind ACKNOWLEDGEMENT or COUNCIL_DECISION
 */
@TemplateData
public record ConcernClocks(JsonNode concern, String kind, String dueAt, long minutesLeft, boolean overdue) {

    /** Within this many minutes of its due time a clock is "nearly due". */
    static final long NEARLY_DUE_MINUTES = 60;

    static ConcernClocks of(JsonNode concern, String kind, OffsetDateTime dueAt, OffsetDateTime now) {
        // rounded up: 9 min 59 s left is "due in 10 minutes", 45 min 2 s late is "overdue by 45 minutes"
        long minutes = Math.ceilDiv(Duration.between(now, dueAt).toSeconds(), 60);
        return new ConcernClocks(concern, kind, dueAt.toString(), minutes, !dueAt.isAfter(now));
    }

    static OffsetDateTime time(JsonNode value) {
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean nearlyDue() {
        return !overdue && minutesLeft < NEARLY_DUE_MINUTES;
    }

    /** "in 12 minutes", "in 3 hours 5 minutes", "5 minutes ago": what the server says; the script keeps it ticking. */
    public String countdown() {
        return countdown(minutesLeft);
    }

    static String countdown(long minutes) {
        long abs = Math.abs(minutes);
        String span = abs >= 60 ? plural(abs / 60, "hour") + (abs % 60 == 0 ? "" : " " + plural(abs % 60, "minute"))
                : plural(abs, "minute");
        if (minutes < 0) {
            return "overdue by " + span;
        }
        return abs == 0 ? "due now" : "due in " + span;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    public String what() {
        return "ACKNOWLEDGEMENT".equals(kind) ? "Acknowledge" : "Council decision";
    }
}
