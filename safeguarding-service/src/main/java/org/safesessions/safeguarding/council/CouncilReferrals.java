package org.safesessions.safeguarding.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.safeguarding.CouncilRespondedV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.safeguarding.domain.AccessRecord;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.rest.ConcernRequests;
import org.safesessions.safeguarding.service.Chronology;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What a partner council sees and does: the referrals escalated to its council (from any organisation), never
 * another council's (404), never the DSL's internal notes; and its responses.
 */
@ApplicationScoped
public class CouncilReferrals {

    /** Tolerated clock difference between a council's systems and ours for "decided at". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    Chronology chronology;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A referral as the council reads it: the concern and the shared part of its chronology. */
    public record Referral(Concern concern, String narrative, List<Chronology.Entry> shared) {
    }

    public Page<Concern> list(String council, int page, int size) {
        var query = Concern.<Concern>find("escalatedCouncil = ?1 order by escalatedAt desc, id", council);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public Referral read(String council, UUID id, String client, java.util.function.Function<Concern, String> narrative) {
        Concern c = referral(council, id);
        AccessRecord.record(c.id, client, Roles.PARTNER_COUNCIL, AccessRecord.View.COUNCIL_REFERRAL, now());
        return new Referral(c, narrative.apply(c), chronology.read(c.id, ChronologyKind::sharedWithCouncil));
    }

    @Transactional
    public Concern respond(String council, UUID id, ConcernRequests.CouncilResponse response, String client) {
        Concern c = Concern.lockForUpdate(id).filter(x -> council.equals(x.escalatedCouncil))
                .orElseThrow(() -> new RecordNotFoundException("referral"));
        OffsetDateTime now = now();
        if (response.decidedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new RuleViolationException("decision-time-not-in-the-future", "decidedAt is in the future");
        }
        if (response.decidedAt().isBefore(c.escalatedAt.minus(CLOCK_SKEW))) {
            throw new RuleViolationException("decision-time-after-escalation", "decidedAt is before the referral was made");
        }
        OffsetDateTime decidedAt = response.decidedAt().withOffsetSameInstant(ZoneOffset.UTC);
        c.recordCouncilResponse(response.decision(), decidedAt);
        chronology.append(c, ChronologyKind.COUNCIL_RESPONSE, client, now, null,
                ChronologyBody.councilResponse(council, response.decision(), response.reference().strip(), decidedAt));
        outbox.publish(c.id, new CouncilRespondedV1(c.id, c.organisation, c.reference, council,
                response.decision(), decidedAt, now));
        return c;
    }

    private Concern referral(String council, UUID id) {
        Concern c = Concern.findById(id);
        if (c == null || !council.equals(c.escalatedCouncil)) {
            throw new RecordNotFoundException("referral");
        }
        return c;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
