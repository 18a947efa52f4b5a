package org.safesessions.consent.domain;

import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * "May this young person take part in this scope on this platform at this time?" Allowed when one consent of the
 * scope, given by then, neither withdrawn nor expired by then, covers the platform, and the online safety agreement
 * is there where the organisation's policy needs it. When not allowed, every reason that applies is given, so the
 * coordinator knows what to fix (a new form, another platform, an agreement) in one look.
 */
public record ConsentCheck(boolean allowed, UUID consentId, Set<Reason> reasons) {

    public enum Reason {
        /** No consent of this scope had been given by then. */
        NO_CONSENT,
        /** A consent of this scope was withdrawn. */
        WITHDRAWN,
        /** A consent of this scope had expired by then. */
        EXPIRED,
        /** A consent of this scope was in force but does not cover the platform. */
        PLATFORM_NOT_COVERED,
        /** The organisation needs the online safety agreement for group sessions, and there is none. */
        AGREEMENT_MISSING
    }

    /** A consent of the scope asked about, given by the time asked about, with its withdrawal if any. */
    public record Candidate(UUID consentId, String platforms, OffsetDateTime expiresAt, OffsetDateTime withdrawnAt) {

        boolean covers(Platform platform) {
            // platforms are stored as a sorted comma list ("SKYPE,ZOOM"); no enum name is a substring of another's
            // comma-delimited form, so this is an exact membership test without building a set
            return ("," + platforms + ",").contains("," + platform.name() + ",");
        }
    }

    public static ConsentCheck decide(List<Candidate> candidates, Platform platform, OffsetDateTime at,
                                      boolean agreementNeeded, boolean agreementGiven) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        UUID allowing = null;
        if (candidates.isEmpty()) {
            reasons.add(Reason.NO_CONSENT);
        }
        for (Candidate c : candidates) {
            if (c.withdrawnAt() != null && !c.withdrawnAt().isAfter(at)) {
                reasons.add(Reason.WITHDRAWN);
            } else if (!at.isBefore(c.expiresAt())) {
                reasons.add(Reason.EXPIRED);
            } else if (!c.covers(platform)) {
                reasons.add(Reason.PLATFORM_NOT_COVERED);
            } else if (allowing == null) {
                allowing = c.consentId();
            }
        }
        if (agreementNeeded && !agreementGiven) {
            reasons.add(Reason.AGREEMENT_MISSING);
        }
        if (allowing != null) {
            // a consent in force covers it: what other, older consents say no longer matters
            reasons.removeIf(r -> r != Reason.AGREEMENT_MISSING);
        }
        boolean allowed = allowing != null && reasons.isEmpty();
        return new ConsentCheck(allowed, allowed ? allowing : null, reasons);
    }
}
