package org.safesessions.safeguarding.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.CouncilRespondedV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.domain.AccessRecord;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a partner council sees and does: the referrals escalated to its council (from any organisation), never
 * another council's (404), never the DSL's internal notes; and its responses.
 */
@ApplicationScoped
public class CouncilReferrals {

    @Inject
    Chronology chronology;

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    /** A referral as the council reads it: the concern and the shared part of its chronology. */
    public record Referral(Concern concern, String narrative, List<Chronology.Entry> shared) {
    }

    /** A council's response to a referral: its decision, its own reference, and when it decided. */
    public record Respond(CouncilDecision decision, String reference, OffsetDateTime decidedAt) {
    }

    public Page<Concern> list(String council, int page, int size) {
        var query = Concern.<Concern>find("escalatedCouncil = ?1 order by escalatedAt desc, id", council);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public Referral read(String council, UUID id, String client, Function<Concern, String> narrative) {
        Concern c = referral(council, id);
        AccessRecord.record(c.id, client, Roles.PARTNER_COUNCIL, AccessRecord.View.COUNCIL_REFERRAL, time.now());
        return new Referral(c, narrative.apply(c), chronology.read(c.id, ChronologyKind::sharedWithCouncil));
    }

    @Transactional
    public Concern respond(String council, UUID id, Respond response, String client) {
        Concern c = Concern.lockForUpdate(id).filter(x -> council.equals(x.escalatedCouncil))
                .orElseThrow(() -> new RecordNotFoundException("referral"));
        OffsetDateTime now = time.now();
        OffsetDateTime decidedAt = c.recordCouncilResponse(response.decision(), response.decidedAt(), now);
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
}
