package org.safesessions.consent.application;

import org.safesessions.consent.domain.ConsentCheck;
import org.safesessions.consent.domain.ConsentCheck.Candidate;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything the consent check needs to know about one young person, read in one query and good for any scope,
 * platform and time: their organisation (tenancy), whether its policy needs the online safety agreement, when they
 * first agreed to it, and each consent with its withdrawal, newest first. Kept by {@link ConsentCheckCache}.
 */
public record ConsentCheckInputs(String organisation, boolean agreementRequired, OffsetDateTime firstAgreedAt,
                                 List<GivenConsent> consents) {

    public ConsentCheckInputs {
        consents = List.copyOf(consents);
    }

    /** A consent as the check reads it; {@code withdrawnAt} is null while it stands. */
    public record GivenConsent(UUID id, ConsentScope scope, String platforms, OffsetDateTime givenAt,
                               OffsetDateTime expiresAt, OffsetDateTime withdrawnAt) {
    }

    /** The answer at {@code at}: only what had happened by then counts (consents given, the agreement made). */
    public ConsentCheck decide(ConsentScope scope, Platform platform, OffsetDateTime at) {
        List<Candidate> candidates = new ArrayList<>(2);
        for (GivenConsent c : consents) {
            if (c.scope() == scope && !c.givenAt().isAfter(at)) {
                candidates.add(new Candidate(c.id(), c.platforms(), c.expiresAt(), c.withdrawnAt()));
            }
        }
        boolean agreementNeeded = scope == ConsentScope.GROUP_SESSIONS && agreementRequired;
        boolean agreementGiven = firstAgreedAt != null && !firstAgreedAt.isAfter(at);
        return ConsentCheck.decide(candidates, platform, at, agreementNeeded, agreementGiven);
    }
}
