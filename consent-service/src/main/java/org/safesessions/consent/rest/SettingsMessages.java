package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.safesessions.consent.application.OrganisationPolicies;
import org.safesessions.consent.domain.CodeOfConduct;
import org.safesessions.consent.domain.OrganisationSettings;
import org.safesessions.consent.domain.YoungPerson;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;

/** The organisation's consent policy, as read by staff and set by managers. */
public final class SettingsMessages {

    private SettingsMessages() {
    }

    public record UpdateSettings(
            @NotNull Boolean selfConsentAllowed,
            @NotNull Period defaultConsentValidity,
            @NotNull @Min(1) @Max(OrganisationSettings.MAX_REMINDER_LEAD_DAYS) Integer reminderLeadDays,
            @NotNull Period retentionPeriod,
            @NotNull Boolean agreementRequiredForGroupSessions) {

        /** Consents are renewed at least every 5 years (the limit on a recorded expiry) and last at least 4 weeks. */
        @Schema(hidden = true) // a validation rule, not a field
        @AssertTrue(message = "must be between P28D and P5Y")
        public boolean isDefaultConsentValidityInRange() {
            return within(defaultConsentValidity, Period.ofDays(28), Period.ofYears(5));
        }

        /** Long enough for a subject access request to be answered, short enough not to keep data forever. */
        @Schema(hidden = true) // a validation rule, not a field
        @AssertTrue(message = "must be between P6M and P25Y")
        public boolean isRetentionPeriodInRange() {
            return within(retentionPeriod, Period.ofMonths(6), Period.ofYears(25));
        }

        /** Called once validation has passed: every field is there. */
        public OrganisationPolicies.UpdateSettings command() {
            return new OrganisationPolicies.UpdateSettings(selfConsentAllowed, defaultConsentValidity, reminderLeadDays,
                    retentionPeriod, agreementRequiredForGroupSessions);
        }

        private static boolean within(Period period, Period min, Period max) {
            if (period == null) {
                return true; // @NotNull reports it
            }
            LocalDate base = LocalDate.of(2000, 1, 1);
            try {
                LocalDate end = base.plus(period);
                return !end.isBefore(base.plus(min)) && !end.isAfter(base.plus(max));
            } catch (DateTimeException | ArithmeticException e) {
                return false;
            }
        }
    }

    @Schema(requiredProperties = {"organisation", "selfConsentAllowed", "selfConsentMinimumAge", "defaultConsentValidity", "reminderLeadDays", "retentionPeriod", "agreementRequiredForGroupSessions", "currentCodeOfConductVersion"})
    public record SettingsView(String organisation, boolean selfConsentAllowed, int selfConsentMinimumAge,
                               String defaultConsentValidity, int reminderLeadDays, String retentionPeriod,
                               boolean agreementRequiredForGroupSessions, String currentCodeOfConductVersion,
                               OffsetDateTime updatedAt, String updatedBy) {

        static SettingsView of(OrganisationSettings s, String codeOfConductVersion) {
            return new SettingsView(s.organisation, s.selfConsentAllowed,
                    YoungPerson.SELF_CONSENT_AGE, s.defaultConsentValidity,
                    s.reminderLeadDays, s.retentionPeriod, s.agreementRequiredForGroupSessions, codeOfConductVersion,
                    s.updatedAt, s.updatedBy);
        }
    }

    /** The online safety code of conduct agreements refer to: its version and what the young person commits to. */
    @Schema(requiredProperties = {"version", "commitments"})
    public record CodeOfConductView(String version, List<String> commitments) {

        static CodeOfConductView of(CodeOfConduct c) {
            return new CodeOfConductView(c.version(), c.commitments());
        }
    }
}
