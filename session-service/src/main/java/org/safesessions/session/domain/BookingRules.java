package org.safesessions.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.safesessions.events.session.SessionKind;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.UUID;

/**
 * Every booking rule of SPEC §4, checked at booking and at every change; each violation is a 422 naming its rule.
 * Consent is checked against session-service's own projection of consent events, so booking works while
 * consent-service is down.
 */
@ApplicationScoped
public class BookingRules {

    public static final String CONSENT_REQUIRED = "invitee-needs-active-consent";
    public static final String ONE_TO_ONE_WORKERS = "one-to-one-needs-one-or-two-workers";
    public static final String ONE_TO_ONE_ONE_YOUNG_PERSON = "one-to-one-has-one-young-person";

    /** The session as it would be after the change, with the invitees it would have. */
    public void check(Session session, Collection<UUID> invitees, OffsetDateTime now) {
        SessionPolicy policy = SessionPolicy.of(session.organisation);
        session.requireInFuture(now);
        ZoneId zone = ZoneId.of(policy.timeZone);
        ApprovedPlatform.check(session.organisation, session.platform, now.atZoneSameInstant(zone).toLocalDate(),
                session.startsAt.atZoneSameInstant(zone).toLocalDate());
        policy.checkTiming(session.startsAt, session.endsAt);
        if (session.kind == SessionKind.GROUP) {
            policy.checkGroupFacilitators(session.facilitators.size());
            policy.checkGroupSize(invitees.size());
        } else {
            if (session.facilitators.isEmpty() || session.facilitators.size() > 2) {
                throw new RuleViolationException(ONE_TO_ONE_WORKERS, "a one-to-one session has one or two workers");
            }
            if (invitees.size() != 1) {
                throw new RuleViolationException(ONE_TO_ONE_ONE_YOUNG_PERSON, "a one-to-one session has exactly one young person");
            }
        }
        checkConsent(session, invitees);
    }

    public void checkConsent(Session session, Collection<UUID> invitees) {
        for (UUID youngPersonId : invitees) {
            if (!ProjectedConsent.coversPeriod(session.organisation, youngPersonId, session.consentScope(),
                    session.platform, session.startsAt, session.endsAt)) {
                // the young person's id is in the request already; the detail names the rule, not the person
                throw new RuleViolationException(CONSENT_REQUIRED, "every invitee needs an active "
                        + session.consentScope() + " consent covering " + session.platform + " for the session's time");
            }
        }
    }
}
