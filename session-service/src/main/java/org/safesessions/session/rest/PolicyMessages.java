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
