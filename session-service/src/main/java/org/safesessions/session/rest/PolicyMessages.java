package org.safesessions.session.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.events.consent.Platform;
import org.safesessions.session.application.PolicyAdministration;
import org.safesessions.session.domain.ApprovedPlatform;
import org.safesessions.session.domain.SessionPolicy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Bodies of the policy resource. */
public final class PolicyMessages {

    private PolicyMessages() {
    }

    /** The whole policy, as a manager sets it. The seeds' floor of two facilitators cannot be lowered. */
    @Schema(requiredProperties = {"minGroupFacilitators", "maxGroupSize", "workingDays", "workingDayStarts", "workingDayEnds", "timeZone", "maxLengthMinutes"})
    public record PolicyUpdate(
            @NotNull @Min(value = 2, message = "must be at least 2 (the seeds' minimum)") @Max(10) Integer minGroupFacilitators,
            @NotNull @Min(1) @Max(50) Integer maxGroupSize,
            @NotEmpty Set<@NotNull DayOfWeek> workingDays,
            @NotNull LocalTime workingDayStarts,
            @NotNull LocalTime workingDayEnds,
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Min(15) @Max(480) Integer maxLengthMinutes) {

        @AssertTrue(message = "must be a time zone id such as Europe/London")
        public boolean isTimeZoneKnown() {
            if (timeZone == null || timeZone.isBlank()) {
                return true;
            }
            try {
                ZoneId.of(timeZone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }

        @AssertTrue(message = "the working day must end after it starts")
        public boolean isWorkingDayOrdered() {
            return workingDayStarts == null || workingDayEnds == null || workingDayEnds.isAfter(workingDayStarts);
        }
    }

    /** The organisation's pool of Zoom host users (Zoom user ids or email addresses), in the order they are tried. */
    @Schema(requiredProperties = {"hosts"})
    public record ZoomHostsUpdate(
            @NotNull @Size(max = 100) List<@NotBlank @Size(max = 128)
            @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9._%+@-]+",
                    message = "must be a Zoom user id or email address") String> hosts) {

        @AssertTrue(message = "must not name the same host twice")
        public boolean isEachHostOnce() {
            return hosts == null || hosts.stream().filter(java.util.Objects::nonNull)
                    .map(h -> h.toLowerCase(java.util.Locale.ROOT)).distinct().count()
                    == hosts.stream().filter(java.util.Objects::nonNull).count();
        }
    }

    /**
     * @param hosts    the pool sessions choose a host from
     * @param defaults true while the manager has not set a pool: the service's default hosts
     * @param drifted  hosts set aside because their safety settings read back differently (until the pool is set again)
     */
    @Schema(requiredProperties = {"hosts", "defaults", "drifted"})
    public record ZoomHostsView(List<String> hosts, boolean defaults, List<DriftedHost> drifted) {
        static ZoomHostsView of(PolicyAdministration.ZoomHostPool pool) {
            return new ZoomHostsView(pool.hosts(), pool.defaults(), pool.drifted().stream()
                    .map(d -> new DriftedHost(d.key.userId, d.settingNames(), d.sessionId, d.detectedAt)).toList());
        }
    }

    /** A host set aside: Zoom's names of the settings that differed, found while provisioning {@code sessionId}. */
    @Schema(requiredProperties = {"host", "settings", "sessionId", "detectedAt"})
    public record DriftedHost(String host, List<String> settings, java.util.UUID sessionId, OffsetDateTime detectedAt) {
    }

    /** A platform's risk assessment: who assessed it, when, and when it is due for review. */
    @Schema(requiredProperties = {"assessedBy", "assessedOn", "reviewDue"})
    public record RiskAssessment(
            @NotBlank @Size(max = 100) String assessedBy,
            @NotNull LocalDate assessedOn,
            @NotNull LocalDate reviewDue) {

        @AssertTrue(message = "the review must fall after the assessment")
        public boolean isReviewAfterAssessment() {
            return assessedOn == null || reviewDue == null || reviewDue.isAfter(assessedOn);
        }
    }

    @Schema(requiredProperties = {"platform", "assessedBy", "assessedOn", "reviewDue", "approved"})
    public record PlatformView(Platform platform, String assessedBy, LocalDate assessedOn, LocalDate reviewDue,
                               boolean approved) {
        static PlatformView of(ApprovedPlatform p, LocalDate today) {
            return new PlatformView(p.key.platform, p.assessedBy, p.assessedOn, p.reviewDue, p.approvedOn(today));
        }
    }

    @Schema(requiredProperties = {"minGroupFacilitators", "maxGroupSize", "workingDays", "workingDayStarts", "workingDayEnds", "timeZone", "maxLengthMinutes", "platforms"})
    public record PolicyView(int minGroupFacilitators, int maxGroupSize, Set<DayOfWeek> workingDays,
                             LocalTime workingDayStarts, LocalTime workingDayEnds, String timeZone, int maxLengthMinutes,
                             OffsetDateTime updatedAt, String updatedBy, List<PlatformView> platforms) {
        static PolicyView of(PolicyAdministration.PolicyState state) {
            SessionPolicy p = state.policy();
            return new PolicyView(p.minGroupFacilitators, p.maxGroupSize, p.workingDays(), p.workingDayStarts,
                    p.workingDayEnds, p.timeZone, p.maxLengthMinutes, p.updatedAt, p.updatedBy,
                    state.platforms().stream().map(platform -> PlatformView.of(platform, state.today())).toList());
        }
    }
}
