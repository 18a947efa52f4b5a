package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.session.SessionEndedV1;
import org.safesessions.events.session.SessionKind;
import org.safesessions.events.session.SessionStartedV1;
import org.safesessions.events.session.SessionTerminatedEarlyV1;
import org.safesessions.events.session.TerminationReason;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.time.Time;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.Viewer;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Running a session: the pre-session checklist, the responsible adult's confirmation, start, end, early termination. */
@ApplicationScoped
public class SessionConduct {

    public static final String TERMINATION_SUBJECT_INVITED = "termination-young-person-must-be-invited";

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Transactional
    public Session recordChecklist(Viewer viewer, UUID sessionId, boolean briefing, boolean groundRules, boolean devices, String by) {
        Session session = viewer.session(sessionId);
        session.recordChecklist(briefing, groundRules, devices, by, time.now());
        return session;
    }

    @Transactional
    public Session confirmResponsibleAdult(Viewer viewer, UUID sessionId, String by) {
        Session session = viewer.session(sessionId);
        if (session.kind != SessionKind.ONE_TO_ONE) {
            throw new RuleViolationException("responsible-adult-applies-to-one-to-one",
                    "a responsible adult is confirmed for one-to-one sessions");
        }
        session.confirmResponsibleAdult(by, time.now());
        return session;
    }

    @Transactional
    public Session start(Viewer viewer, UUID sessionId) {
        Session session = viewer.session(sessionId);
        OffsetDateTime now = time.now();
        session.start(now);
        outbox.publish(session.id, new SessionStartedV1(session.id, session.organisation, now));
        return session;
    }

    @Transactional
    public Session end(Viewer viewer, UUID sessionId) {
        Session session = viewer.session(sessionId);
        OffsetDateTime now = time.now();
        session.end(now);
        outbox.publish(session.id,
                new SessionEndedV1(session.id, session.organisation, session.startedAt, now));
        return session;
    }

    /** Ends a started session early with its reason; safeguarding reasons make safeguarding-service raise a concern. */
    @Transactional
    public Session terminate(Viewer viewer, UUID sessionId, TerminationReason reason, UUID youngPersonId, String by) {
        Session session = viewer.session(sessionId);
        if (youngPersonId != null && !session.invitees().contains(youngPersonId)) {
            throw new RuleViolationException(TERMINATION_SUBJECT_INVITED,
                    "the young person concerned must be one of the session's invitees");
        }
        OffsetDateTime now = time.now();
        session.terminate(reason, youngPersonId, by, now);
        outbox.publish(session.id, new SessionTerminatedEarlyV1(session.id, session.organisation,
                reason, youngPersonId, by, now, session.facilitatorNames(), viewer.userId(), session.facilitatorIds()));
        outbox.publish(session.id,
                new SessionEndedV1(session.id, session.organisation, session.startedAt, now));
        return session;
    }

}
