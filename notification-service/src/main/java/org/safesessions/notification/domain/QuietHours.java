package org.safesessions.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Families are not messaged at night: a non-urgent message to a guardian or young person that falls due in quiet
 * hours (default 21:00–08:00 UK time) waits until they end; so does one to a member of staff who asked for quiet
 * hours. Urgent messages are never held.
 */
@ApplicationScoped
public class QuietHours {

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    public QuietHours(@ConfigProperty(name = "notification.quiet-hours.start", defaultValue = "21:00") String start,
                      @ConfigProperty(name = "notification.quiet-hours.end", defaultValue = "08:00") String end,
                      @ConfigProperty(name = "notification.quiet-hours.zone", defaultValue = "Europe/London") String zone) {
        this.start = LocalTime.parse(start);
        this.end = LocalTime.parse(end);
        this.zone = ZoneId.of(zone);
    }

    /** When {@code delivery}, due at {@code now}, may go instead; empty if it may go now. */
    public Optional<OffsetDateTime> holdUntil(Delivery delivery, OffsetDateTime now) {
        if (delivery.urgent || !(delivery.toFamily() || delivery.quiet)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZoneSameInstant(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isAfter(end)
                ? !time.isBefore(start) || time.isBefore(end)   // over midnight, e.g. 21:00–08:00
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime morning = local.with(end);
        if (!morning.isAfter(local)) {
            morning = morning.plusDays(1);
        }
        return Optional.of(morning.toOffsetDateTime());
    }
}
