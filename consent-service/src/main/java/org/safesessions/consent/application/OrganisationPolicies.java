package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.safesessions.consent.domain.OrganisationSettings;
import org.safesessions.kit.time.Time;

import java.time.Period;

/** An organisation's consent policy: what its managers set, or the service's defaults until they do. */
@ApplicationScoped
public class OrganisationPolicies {

    /** A manager's new consent policy for their organisation: every setting, none left as it was. */
    public record UpdateSettings(boolean selfConsentAllowed, Period defaultConsentValidity, int reminderLeadDays,
                                 Period retentionPeriod, boolean agreementRequiredForGroupSessions) {
    }

    @Inject
    ConsentCheckCache checkCache;

    @Inject
    ConsentSettings defaults;

    @Inject
    Time time;

    @Inject
    EntityManager em;

    /** The policy in force; a transient default (never stored) for an organisation that has not set one. */
    public OrganisationSettings of(String organisation) {
        OrganisationSettings stored = OrganisationSettings.findById(organisation);
        return stored != null ? stored : defaultsFor(organisation);
    }

    /** An upsert, so that two managers saving the first settings at once both succeed (the last one wins). */
    @Transactional
    public OrganisationSettings update(String organisation, UpdateSettings request, String manager) {
        em.createNativeQuery("""
                        insert into organisation_settings (organisation, self_consent_allowed, default_consent_validity,
                            reminder_lead_days, retention_period, agreement_required_for_group_sessions, updated_at, updated_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (organisation) do update set
                            self_consent_allowed = excluded.self_consent_allowed,
                            default_consent_validity = excluded.default_consent_validity,
                            reminder_lead_days = excluded.reminder_lead_days,
                            retention_period = excluded.retention_period,
                            agreement_required_for_group_sessions = excluded.agreement_required_for_group_sessions,
                            updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .setParameter(1, organisation)
                .setParameter(2, request.selfConsentAllowed())
                .setParameter(3, request.defaultConsentValidity().toString())
                .setParameter(4, request.reminderLeadDays())
                .setParameter(5, request.retentionPeriod().toString())
                .setParameter(6, request.agreementRequiredForGroupSessions())
                .setParameter(7, time.now())
                .setParameter(8, manager)
                .executeUpdate();
        checkCache.everythingChangesOnCommit();
        em.clear(); // read back what is stored, not a stale copy from this transaction
        return OrganisationSettings.findById(organisation);
    }

    private OrganisationSettings defaultsFor(String organisation) {
        return OrganisationSettings.defaults(organisation, defaults.selfConsentAllowed(), defaults.defaultValidity(),
                defaults.reminderLeadDays(), defaults.retentionPeriod(), defaults.agreementRequiredForGroupSessions());
    }
}
