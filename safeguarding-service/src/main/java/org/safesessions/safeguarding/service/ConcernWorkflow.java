package org.safesessions.safeguarding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.safeguarding.ConcernAcknowledgedV1;
import org.safesessions.events.safeguarding.ConcernClosedV1;
import org.safesessions.events.safeguarding.ConcernEscalatedV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.safeguarding.council.CouncilWebhooks;
import org.safesessions.safeguarding.domain.BankHoliday;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ConcernStatus;
import org.safesessions.safeguarding.domain.ConfidentialityDecision;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.domain.WorkingDays;
import org.safesessions.safeguarding.rest.ConcernRequests;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * The DSL's workflow: each move is checked by {@link Concern#moveTo}, written to the chronology and, where other
 * services care, published, all in one transaction on the locked concern row.
 */
@ApplicationScoped
public class ConcernWorkflow {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    Chronology chronology;

    @Inject
    SafeguardingSettings settings;

    @Inject
    CouncilWebhooks webhooks;

    @Transactional
    public Concern acknowledge(Reader dsl, UUID id) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = now();
        c.acknowledge(dsl.userName(), now);
        chronology.append(c, ChronologyKind.ACKNOWLEDGED, dsl.userName(), now, null, ChronologyBody.text(null));
        outbox.publish(c.id,
                new ConcernAcknowledgedV1(c.id, c.organisation, c.reference, c.risk, now));
        return c;
    }

    @Transactional
    public Concern startReview(Reader dsl, UUID id, ConcernRequests.Review request) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = now();
        c.moveTo(ConcernStatus.UNDER_REVIEW);
        chronology.append(c, ChronologyKind.REVIEW_STARTED, dsl.userName(), now, null,
                ChronologyBody.text(request == null ? null : request.text()));
        return c;
    }

    @Transactional
    public Concern monitor(Reader dsl, UUID id, ConcernRequests.Monitoring request) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = now();
        c.moveTo(ConcernStatus.MONITORING);
        chronology.append(c, ChronologyKind.MONITORING, dsl.userName(), now, null, ChronologyBody.text(request.text()));
        return c;
    }

    /** Refers the concern to a partner council; its decision falls due after the configured working days. */
    @Transactional
    public Concern escalate(Reader dsl, UUID id, ConcernRequests.Escalation request) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = now();
        OffsetDateTime due = decisionDue(now);
        c.escalate(request.council(), request.method(), now, due);
        chronology.append(c, ChronologyKind.ESCALATION, dsl.userName(), now, null,
                ChronologyBody.escalation(request.referralSummary(), request.council(), request.method(),
                        request.reference()));
        ConcernEscalatedV1 event = new ConcernEscalatedV1(c.id, c.organisation, c.reference, c.escalatedCouncil,
                c.escalationMethod, c.risk, now, due);
        outbox.publish(c.id, event);
        webhooks.enqueueEscalation(c, event);
        return c;
    }

    @Transactional
    public Concern close(Reader dsl, UUID id, ConcernRequests.Closure request) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = now();
        c.close(now);
        chronology.append(c, ChronologyKind.CLOSURE, dsl.userName(), now, null, ChronologyBody.text(request.reason()));
        outbox.publish(c.id, new ConcernClosedV1(c.id, c.organisation, c.reference, now));
        return c;
    }

    /** A DSL's own entry: a note, a private session held, a confidentiality decision or an outcome. */
    @Transactional
    public Chronology.Entry record(Reader dsl, UUID id, ConcernRequests.NewEntry request) {
        if (!request.kind().writtenByHand()) {
            throw new RuleViolationException("entry-kind-written-by-the-workflow",
                    request.kind() + " entries are written by the workflow itself");
        }
        ChronologyBody body;
        if (request.kind() == ChronologyKind.CONFIDENTIALITY_DECISION) {
            if (request.decision() == null || blank(request.justification()) || blank(request.decidedBy())
                    || request.informed() == null) {
                throw new RuleViolationException("confidentiality-decision-records-justification-decider-and-informed",
                        "a confidentiality decision needs decision, justification, decidedBy and informed");
            }
            if (request.decision() == ConfidentialityDecision.BREAK_CONFIDENTIALITY && request.informed().isEmpty()) {
                throw new RuleViolationException("confidentiality-decision-records-justification-decider-and-informed",
                        "breaking confidentiality names who was informed");
            }
            body = ChronologyBody.confidentiality(request.text(), request.decision(), request.justification(),
                    request.decidedBy(), request.informed());
        } else {
            if (blank(request.text())) {
                throw new RuleViolationException("chronology-entry-has-text", "this entry needs text");
            }
            body = ChronologyBody.text(request.text());
        }
        Concern c = locked(dsl, id);
        return new Chronology.Entry(chronology.append(c, request.kind(), dsl.userName(), now(), request.corrects(), body), body);
    }

    private OffsetDateTime decisionDue(OffsetDateTime escalatedAt) {
        ZonedDateTime start = escalatedAt.atZoneSameInstant(settings.workingDayZone());
        int days = settings.councilDecisionWorkingDays();
        var holidays = BankHoliday.between(start.toLocalDate(), WorkingDays.horizon(start, days));
        return WorkingDays.plus(start, days, holidays).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private Concern locked(Reader dsl, UUID id) {
        Concern c = Concern.lockForUpdate(id).orElseThrow(() -> new RecordNotFoundException("concern"));
        if (!dsl.canSee(c)) {
            throw new RecordNotFoundException("concern");
        }
        return c;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
