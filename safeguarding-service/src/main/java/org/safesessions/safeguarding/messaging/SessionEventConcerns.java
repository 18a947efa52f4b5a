package org.safesessions.safeguarding.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.safesessions.events.EventType;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.events.session.SessionTerminatedEarlyV1;
import org.safesessions.events.session.TerminationReason;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.kit.inbox.EventHandlers;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernRegister.NewConcern;

import java.util.EnumSet;
import java.util.Set;

/**
 * Raises concerns from session-service's events, once per event (kit {@link Inbox}): an unknown participant in a
 * session ("Zoom bombing"), and a session ended early for a reason that is a safeguarding matter
 * ({@link TerminationReason#raisesConcern()}). The narrative is written here from codes and ids only: the
 * facilitator's own account stays in session-service and is added to the chronology by the DSL.
 */
@ApplicationScoped
public class SessionEventConcerns {

    static final String CONSUMER = "safeguarding-service.session-concerns";
    /** Who "raised" a concern the service raised itself. */
    public static final String SYSTEM = "safeguarding-service";

    @Inject
    Inbox inbox;

    @Inject
    ConcernRegister register;

    /** One handler per event type; other session events are not safeguarding matters. */
    private final EventHandlers handlers = EventHandlers.builder()
            .onEvent(EventType.UNKNOWN_PARTICIPANT_JOINED, (event, joined) -> unknownParticipant(event.id(), joined))
            .onEvent(EventType.SESSION_TERMINATED_EARLY, (event, ended) -> terminatedEarly(event.id(), ended))
            .build();

    /** Known to the inbox from the start, so ops can replay a parked event before any new one arrives. */
    void registerForReplay(@Observes StartupEvent started) {
        inbox.register(CONSUMER, handlers);
    }

    @Incoming("session-events")
    @Blocking
    public void onSessionEvent(String record) {
        inbox.process(CONSUMER, record, handlers);
    }

    private void unknownParticipant(String eventId, UnknownParticipantJoinedV1 joined) {
        if (alreadyRaised(eventId)) {
            return;
        }
        register.raise(new NewConcern(joined.organisation(), SubjectType.UNKNOWN_PARTICIPANT, null, null, null, null,
                joined.sessionId(), EnumSet.of(ConcernCategory.STRANGER_CONTACT), RiskLevel.HIGH,
                "Raised automatically: an unknown participant (meeting participant " + joined.participantRef()
                        + ") joined session " + joined.sessionId() + " at " + joined.joinedAt() + ".",
                ConcernSource.UNKNOWN_PARTICIPANT_JOINED, eventId, SYSTEM));
    }

    private void terminatedEarly(String eventId, SessionTerminatedEarlyV1 ended) {
        if (ended.reason() == null || !ended.reason().raisesConcern() || alreadyRaised(eventId)) {
            return;
        }
        boolean aboutYoungPerson = ended.youngPersonId() != null;
        register.raise(new NewConcern(ended.organisation(),
                aboutYoungPerson ? SubjectType.YOUNG_PERSON : SubjectType.UNKNOWN_PARTICIPANT,
                ended.youngPersonId(), null, null, null, ended.sessionId(), categoriesFor(ended.reason()),
                ended.reason() == TerminationReason.SAFEGUARDING ? RiskLevel.HIGH : RiskLevel.MEDIUM,
                "Raised automatically: session " + ended.sessionId() + " was ended early (" + ended.reason()
                        + ") at " + ended.terminatedAt() + ".",
                ConcernSource.SESSION_TERMINATED_EARLY, eventId,
                ended.terminatedBy() == null || ended.terminatedBy().isBlank() ? SYSTEM : ended.terminatedBy()));
    }

    static Set<ConcernCategory> categoriesFor(TerminationReason reason) {
        return switch (reason) {
            case INAPPROPRIATE_DRESS, ABUSIVE_LANGUAGE -> EnumSet.of(ConcernCategory.INAPPROPRIATE_DRESS_OR_LANGUAGE);
            default -> EnumSet.of(ConcernCategory.OTHER);
        };
    }

    /** Belt and braces beside the inbox: the source event id is unique on the concern table too. */
    private static boolean alreadyRaised(String eventId) {
        return Concern.count("sourceEventId", eventId) > 0;
    }
}
