package org.safesessions.consent;

import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.ConsentCheck;
import org.safesessions.consent.domain.ConsentCheck.Candidate;
import org.safesessions.consent.domain.ConsentCheck.Reason;
import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consent check's decision on its own, without the database: quick to read as the policy. */
class ConsentCheckRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private static Candidate consent(String platforms, OffsetDateTime expiresAt, OffsetDateTime withdrawnAt) {
        return new Candidate(UUID.randomUUID(), platforms, expiresAt, withdrawnAt);
    }

    @Test
    void platformMembershipIsExactNotASubstringMatch() {
        // a platform is matched by its whole name anywhere in the stored list
        ConsentCheck check = ConsentCheck.decide(List.of(consent("GOOGLE_MEET,SKYPE,ZOOM", NOW.plusDays(1), null)),
                Platform.ZOOM, NOW, false, false);
        assertTrue(check.allowed());
        assertEquals(Set.of(Reason.PLATFORM_NOT_COVERED), ConsentCheck.decide(
                List.of(consent("GOOGLE_MEET", NOW.plusDays(1), null)), Platform.TEAMS, NOW, false, false).reasons());
    }

    @Test
    void consentEndsAtItsExpiryInstant() {
        Candidate c = consent("ZOOM", NOW, null);
        assertEquals(Set.of(Reason.EXPIRED), ConsentCheck.decide(List.of(c), Platform.ZOOM, NOW, false, false).reasons());
        assertTrue(ConsentCheck.decide(List.of(c), Platform.ZOOM, NOW.minusNanos(1), false, false).allowed());
    }

    @Test
    void withdrawalCountsFromTheMomentItWasRecorded() {
        Candidate c = consent("ZOOM", NOW.plusDays(30), NOW);
        assertEquals(Set.of(Reason.WITHDRAWN), ConsentCheck.decide(List.of(c), Platform.ZOOM, NOW, false, false).reasons());
        assertTrue(ConsentCheck.decide(List.of(c), Platform.ZOOM, NOW.minusMinutes(1), false, false).allowed());
    }

    @Test
    void missingAgreementRefusesEvenWithConsentInForce() {
        ConsentCheck check = ConsentCheck.decide(List.of(consent("ZOOM", NOW.plusDays(1), null)), Platform.ZOOM, NOW,
                true, false);
        assertFalse(check.allowed());
        assertEquals(null, check.consentId());
        assertEquals(Set.of(Reason.AGREEMENT_MISSING), check.reasons());
    }

    @Test
    void noConsentAndNoAgreementGiveBothReasons() {
        assertEquals(Set.of(Reason.NO_CONSENT, Reason.AGREEMENT_MISSING),
                ConsentCheck.decide(List.of(), Platform.ZOOM, NOW, true, false).reasons());
    }
}
