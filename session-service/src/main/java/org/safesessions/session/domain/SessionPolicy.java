package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An organisation's session policy (SPEC §4, from the seeds: "a minimum of two Youth Workers will lead every online
 * session, with an appropriate maximum number of young people invited"; sessions in the working day and of
 * reasonable length). An organisation that never edited its policy gets {@link #defaults}.
 */
@Entity
@Table(name = "session_policy")
public class SessionPolicy extends PanacheEntityBase {

    public static final String TWO_FACILITATORS = "group-session-needs-two-facilitators";
    public static final String MAXIMUM_INVITEES = "group-session-maximum-invitees";
    public static final String WORKING_HOURS = "session-within-working-hours";
    public static final String MAXIMUM_LENGTH = "session-maximum-length";

    @Id
    public String organisation;

    @Column(name = "min_group_facilitators", nullable = false)
    public int minGroupFacilitators;

    @Column(name = "max_group_size", nullable = false)
    public int maxGroupSize;

    /** Comma list of {@link DayOfWeek} names. */
    @Column(name = "working_days", nullable = false)
    public String workingDays;

    @Column(name = "working_day_starts", nullable = false)
    public LocalTime workingDayStarts;

    @Column(name = "working_day_ends", nullable = false)
    public LocalTime workingDayEnds;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "max_length_minutes", nullable = false)
    public int maxLengthMinutes;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** SPEC §4 defaults: 2 facilitators, 12 young people, Mon–Fri 09:00–18:00 Europe/London, 90 minutes. */
    public static SessionPolicy defaults(String organisation) {
        SessionPolicy policy = new SessionPolicy();
        policy.organisation = organisation;
        policy.minGroupFacilitators = 2;
        policy.maxGroupSize = 12;
        policy.setWorkingDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        policy.workingDayStarts = LocalTime.of(9, 0);
        policy.workingDayEnds = LocalTime.of(18, 0);
        policy.timeZone = "Europe/London";
        policy.maxLengthMinutes = 90;
        return policy;
    }

    /** The stored policy, or the defaults when the organisation has not edited it. */
    public static SessionPolicy of(String organisation) {
        SessionPolicy stored = findById(organisation);
        return stored != null ? stored : defaults(organisation);
    }

    public Set<DayOfWeek> workingDays() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(workingDays.split(",")).filter(s -> !s.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
        return days;
    }

    public void setWorkingDays(Set<DayOfWeek> days) {
        workingDays = days.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** A session lies within one working day's hours and is no longer than the maximum. */
    /** A manager's replacement of the whole policy (the request has been validated: at least two facilitators etc.). */
    public void replace(int minGroupFacilitators, int maxGroupSize, Set<DayOfWeek> workingDays, LocalTime workingDayStarts,
                        LocalTime workingDayEnds, String timeZone, int maxLengthMinutes, String by, OffsetDateTime now) {
        this.minGroupFacilitators = minGroupFacilitators;
        this.maxGroupSize = maxGroupSize;
        setWorkingDays(workingDays);
        this.workingDayStarts = workingDayStarts;
        this.workingDayEnds = workingDayEnds;
        this.timeZone = timeZone;
        this.maxLengthMinutes = maxLengthMinutes;
        this.updatedAt = now;
        this.updatedBy = by;
        persist();
    }

    /** The organisation's date now, in its own time zone. */
    public java.time.LocalDate today(java.time.Clock clock) {
        return java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of(timeZone)));
    }

    public void checkTiming(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        long minutes = Duration.between(startsAt, endsAt).toMinutes();
        if (minutes > maxLengthMinutes) {
            throw new RuleViolationException(MAXIMUM_LENGTH,
                    "a session may last at most " + maxLengthMinutes + " minutes");
        }
        ZoneId zone = ZoneId.of(timeZone);
        ZonedDateTime start = startsAt.atZoneSameInstant(zone);
        ZonedDateTime end = endsAt.atZoneSameInstant(zone);
        boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
        if (!sameDay || !workingDays().contains(start.getDayOfWeek())
                || start.toLocalTime().isBefore(workingDayStarts) || end.toLocalTime().isAfter(workingDayEnds)) {
            throw new RuleViolationException(WORKING_HOURS, "sessions run on " + workingDays + " between "
                    + workingDayStarts + " and " + workingDayEnds + " (" + timeZone + ")");
        }
    }

    public void checkGroupFacilitators(int facilitators) {
        if (facilitators < minGroupFacilitators) {
            throw new RuleViolationException(TWO_FACILITATORS,
                    "a group session needs at least " + minGroupFacilitators + " facilitators");
        }
    }

    public void checkGroupSize(int invitees) {
        if (invitees > maxGroupSize) {
            throw new RuleViolationException(MAXIMUM_INVITEES,
                    "a group session may invite at most " + maxGroupSize + " young people");
        }
    }
}
