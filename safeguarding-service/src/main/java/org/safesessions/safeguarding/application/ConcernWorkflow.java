package org.safesessions.safeguarding.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.safeguarding.ConcernAcknowledgedV1;
import org.safesessions.events.safeguarding.ConcernClosedV1;
import org.safesessions.events.safeguarding.ConcernEscalatedV1;
import org.safesessions.events.safeguarding.EscalationMethod;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.domain.BankHoliday;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ConcernStatus;
import org.safesessions.safeguarding.domain.ConfidentialityDecision;
import org.safesessions.safeguarding.domain.LawfulBasis;
import org.safesessions.safeguarding.domain.ProjectedConsent;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.domain.WorkingDays;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
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
    Time time;

    @Inject
    Chronology chronology;

    @Inject
    SafeguardingSettings settings;

    @Inject
    CouncilWebhooks webhooks;

    /** Starts the review, optionally with a first note. */
    public record StartReview(String text) {
    }

    /** Puts the concern under monitoring, saying why. */
    public record Monitor(String text) {
    }

    /** Refers the concern to a partner council, by its local authority code (e.g. E09000024). */
    public record Escalate(String council, EscalationMethod method, String reference, String referralSummary) {
    }

    /** Closes the concern; the reason is required. */
    public record Close(String reason) {
    }

    /** An entry a DSL writes: a note, a private session, a confidentiality decision, an outcome. */
    public record RecordEntry(ChronologyKind kind, String text, UUID corrects, ConfidentialityDecision decision,
                              String justification, String decidedBy, List<String> informed) {
    }

    @Transactional
    public Concern acknowledge(Reader dsl, UUID id) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = time.now();
        c.acknowledge(dsl.userName(), now);
        chronology.append(c, ChronologyKind.ACKNOWLEDGED, dsl.userName(), now, null, ChronologyBody.text(null));
        outbox.publish(c.id,
                new ConcernAcknowledgedV1(c.id, c.organisation, c.reference, c.risk, now));
        return c;
    }

    @Transactional
    public Concern startReview(Reader dsl, UUID id, StartReview request) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = time.now();
        c.moveTo(ConcernStatus.UNDER_REVIEW);
        chronology.append(c, ChronologyKind.REVIEW_STARTED, dsl.userName(), now, null,
                ChronologyBody.text(request == null ? null : request.text()));
        return c;
    }

    @Transactional
    public Concern monitor(Reader dsl, UUID id, Monitor request) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = time.now();
        c.moveTo(ConcernStatus.MONITORING);
        chronology.append(c, ChronologyKind.MONITORING, dsl.userName(), now, null, ChronologyBody.text(request.text()));
        return c;
    }

    /**
     * Refers the concern to a partner council on a lawful basis ({@link LawfulBasis#choose}: the young person's
     * active INFORMATION_SHARING consent as projected here, or the concern's confidentiality-break decision; else
     * 422); its decision falls due after the configured working days.
     */
    @Transactional
    public Concern escalate(Reader dsl, UUID id, Escalate request) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = time.now();
        c.checkMayMoveTo(ConcernStatus.ESCALATED); // an illegal move is 409 before the basis is looked for
        LawfulBasis basis = LawfulBasis.choose(
                ProjectedConsent.activeInformationSharing(c.organisation, c.subjectYoungPersonId, now),
                chronology.latestConfidentialityDecision(c.id));
        OffsetDateTime due = decisionDue(now);
        c.escalate(request.council(), request.method(), basis, now, due);
        chronology.append(c, ChronologyKind.ESCALATION, dsl.userName(), now, null,
                ChronologyBody.escalation(request.referralSummary(), request.council(), request.method(),
                        request.reference(), basis));
        ConcernEscalatedV1 event = new ConcernEscalatedV1(c.id, c.organisation, c.reference, c.escalatedCouncil,
                c.escalationMethod, c.risk, now, due);
        outbox.publish(c.id, event);
        webhooks.enqueueEscalation(c, event);
        return c;
    }

    @Transactional
    public Concern close(Reader dsl, UUID id, Close request) {
        Concern c = locked(dsl, id);
        OffsetDateTime now = time.now();
        c.close(now);
        chronology.append(c, ChronologyKind.CLOSURE, dsl.userName(), now, null, ChronologyBody.text(request.reason()));
        outbox.publish(c.id, new ConcernClosedV1(c.id, c.organisation, c.reference, now));
        return c;
    }

    /** A DSL's own entry: a note, a private session held, a confidentiality decision or an outcome. */
    @Transactional
    public Chronology.Entry record(Reader dsl, UUID id, RecordEntry request) {
        ChronologyBody body = ChronologyBody.writtenByHand(request.kind(), request.text(), request.decision(),
                request.justification(), request.decidedBy(), request.informed());
        Concern c = locked(dsl, id);
        return new Chronology.Entry(chronology.append(c, request.kind(), dsl.userName(), time.now(), request.corrects(), body), body);
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

}
