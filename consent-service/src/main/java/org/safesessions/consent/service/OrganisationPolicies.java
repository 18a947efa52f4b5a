package org.safesessions.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.consent.domain.OrganisationSettings;
import org.safesessions.consent.rest.SettingsMessages.UpdateSettings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An organisation's consent policy: what its managers set, or the service's defaults until they do. */
@ApplicationScoped
public class OrganisationPolicies {

    @Inject
    ConsentSettings defaults;

    @Inject
    Clock clock;

    /** The policy in force; a transient default (never stored) for an organisation that has not set one. */
    public OrganisationSettings of(String organisation) {
        OrganisationSettings stored = OrganisationSettings.findById(organisation);
        return stored != null ? stored : defaultsFor(organisation);
    }

    @Transactional
    public OrganisationSettings update(String organisation, UpdateSettings request, String manager) {
        OrganisationSettings settings = OrganisationSettings.findById(organisation);
        if (settings == null) {
            settings = new OrganisationSettings();
            settings.organisation = organisation;
        }
        settings.selfConsentAllowed = request.selfConsentAllowed();
        settings.defaultConsentValidity = request.defaultConsentValidity().toString();
        settings.reminderLeadDays = request.reminderLeadDays();
        settings.retentionPeriod = request.retentionPeriod().toString();
        settings.agreementRequiredForGroupSessions = request.agreementRequiredForGroupSessions();
        settings.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        settings.updatedBy = manager;
        settings.persist();
        return settings;
    }

    private OrganisationSettings defaultsFor(String organisation) {
        OrganisationSettings settings = new OrganisationSettings();
        settings.organisation = organisation;
        settings.selfConsentAllowed = defaults.selfConsentAllowed();
        settings.defaultConsentValidity = defaults.defaultValidity().toString();
        settings.reminderLeadDays = defaults.reminderLeadDays();
        settings.retentionPeriod = defaults.retentionPeriod().toString();
        settings.agreementRequiredForGroupSessions = defaults.agreementRequiredForGroupSessions();
        return settings;
    }
}
