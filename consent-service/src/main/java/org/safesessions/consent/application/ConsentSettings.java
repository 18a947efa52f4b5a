package org.safesessions.consent.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/**
 * The defaults of an organisation's consent policy (until a manager sets its own, {@code PUT /settings}), and the
 * service's own limits.
 */
@ConfigMapping(prefix = "consent")
public interface ConsentSettings {

    /** How long a consent lasts when the form gives no expiry (organisation default, SPEC §3: e.g. 12 months). */
    @WithDefault("P12M")
    Period defaultValidity();

    /** SPEC §3: a young person of 13 or over may consent for themselves where policy allows; allowed by default. */
    @WithDefault("true")
    boolean selfConsentAllowed();

    /** Guardians are reminded this many days before a consent expires. */
    @WithDefault("14")
    int reminderLeadDays();

    /** Records of young people inactive this long (since their last change or consent end) are anonymised. */
    @WithDefault("P3Y")
    Period retentionPeriod();

    /** SPEC §3 "policy may require" an online safety agreement before group sessions: off until a manager sets it. */
    @WithDefault("false")
    boolean agreementRequiredForGroupSessions();

    /** How many consents or young people one scheduled pass handles per transaction. */
    @WithDefault("200")
    int batchSize();

    /** The scheduled expiry pass (ConsentExpiring / ConsentExpired); {@code off} disables the schedule. */
    Schedule expiry();

    /** The scheduled retention pass (anonymisation). */
    Schedule retention();

    /** The consent check's memory (ConsentCheckCache). */
    CheckCache checkCache();

    /** When a scheduled pass runs: {@code every} (e.g. 1m, or off), the first one {@code delayed} after start. */
    interface Schedule {
        String every();

        String delayed();
    }

    interface CheckCache {
        /** How many young people's check inputs are kept (about 300 bytes each); 0 reads the database every time. */
        @WithDefault("50000")
        long size();
    }
}
