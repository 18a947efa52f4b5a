package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.Period;

/**
 * An organisation's consent policy, set by its managers. An organisation that never set it uses the service's
 * defaults (SPEC §3 and the seed policies), see {@code ConsentSettings}.
 */
@Entity
@Table(name = "organisation_settings")
public class OrganisationSettings extends PanacheEntityBase {

    /** The longest reminder lead a manager may set; the expiry pass looks no further ahead. */
    public static final int MAX_REMINDER_LEAD_DAYS = 90;

    @Id
    public String organisation;

    /** Whether young people of 13 or over may consent for themselves. */
    @Column(name = "self_consent_allowed", nullable = false)
    public boolean selfConsentAllowed;

    /** How long a consent lasts when the form gives no expiry (ISO-8601 period, e.g. P12M). */
    @Column(name = "default_consent_validity", nullable = false)
    public String defaultConsentValidity;

    /** How many days before expiry guardians are reminded. */
    @Column(name = "reminder_lead_days", nullable = false)
    public int reminderLeadDays;

    /** How long the record of a young person who is no longer active is kept before it is anonymised. */
    @Column(name = "retention_period", nullable = false)
    public String retentionPeriod;

    /** Whether a group session needs the young person's online safety agreement as well as consent. */
    @Column(name = "agreement_required_for_group_sessions", nullable = false)
    public boolean agreementRequiredForGroupSessions;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** The policy of an organisation that has not set its own: the service's defaults, never stored. */
    public static OrganisationSettings defaults(String organisation, boolean selfConsentAllowed,
                                                Period defaultValidity, int reminderLeadDays, Period retentionPeriod,
                                                boolean agreementRequiredForGroupSessions) {
        OrganisationSettings settings = new OrganisationSettings();
        settings.organisation = organisation;
        settings.selfConsentAllowed = selfConsentAllowed;
        settings.defaultConsentValidity = defaultValidity.toString();
        settings.reminderLeadDays = reminderLeadDays;
        settings.retentionPeriod = retentionPeriod.toString();
        settings.agreementRequiredForGroupSessions = agreementRequiredForGroupSessions;
        return settings;
    }

    public Period defaultValidity() {
        return Period.parse(defaultConsentValidity);
    }

    public Period retention() {
        return Period.parse(retentionPeriod);
    }
}
