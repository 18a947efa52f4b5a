package org.safesessions.zoomsim.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Zoom writes times as UTC to the second: {@code 2022-03-25T07:29:29Z}. */
final class ZoomTime {

    private ZoomTime() {
    }

    static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
