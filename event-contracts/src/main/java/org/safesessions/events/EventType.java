package org.safesessions.events;

import org.safesessions.events.consent.AgreementRecordedV1;
import org.safesessions.events.consent.ConsentExpiredV1;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.events.consent.YoungPersonRegisteredV1;
import org.safesessions.events.session.SessionScheduledV1;
import org.safesessions.events.session.SessionRescheduledV1;
import org.safesessions.events.session.SessionCancelledV1;
import org.safesessions.events.session.ParticipantInvitedV1;
import org.safesessions.events.session.ParticipantRemovedV1;
import org.safesessions.events.session.SessionStartedV1;
import org.safesessions.events.session.SessionEndedV1;
import org.safesessions.events.session.AttendanceRecordedV1;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.events.session.UnknownParticipantWaitingV1;
import org.safesessions.events.session.ZoomHostSettingsDriftedV1;
import org.safesessions.events.session.SessionTerminatedEarlyV1;
import org.safesessions.events.session.MeetingProvisioningFailedV1;
import org.safesessions.events.session.OneToOneRequestedV1;
import org.safesessions.events.safeguarding.ConcernRaisedV1;
import org.safesessions.events.safeguarding.ConcernAcknowledgedV1;
import org.safesessions.events.safeguarding.ConcernEscalatedV1;
import org.safesessions.events.safeguarding.CouncilRespondedV1;
import org.safesessions.events.safeguarding.ConcernClosedV1;
import org.safesessions.events.safeguarding.SafeguardingClockBreachedV1;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of events: CloudEvents type, topic, the aggregate type it is about, and payload record. A new version of an event is a new
 * entry with a new record (…V2), never an edit of an existing one; {@code EventCompatibilityTest} fails the
 * build when a published payload changes in a way that would break its consumers.
 */
public record EventType<T extends EventPayload>(String type, Topic topic, String aggregateType, Class<T> payloadClass) {

    // Aggregate types: what an event is about, stored beside it in the outbox. Each event names its own.
    public static final String YOUNG_PERSON = "YoungPerson";
    public static final String CONSENT = "Consent";
    public static final String SAFETY_AGREEMENT = "SafetyAgreement";
    public static final String SESSION = "Session";
    public static final String ONE_TO_ONE_REQUEST = "OneToOneRequest";
    public static final String CONCERN = "Concern";

    public static final EventType<YoungPersonRegisteredV1> YOUNG_PERSON_REGISTERED =
            new EventType<>("safesessions.consent.young-person-registered.v1", Topic.CONSENT, YOUNG_PERSON, YoungPersonRegisteredV1.class);
    public static final EventType<ConsentGrantedV1> CONSENT_GRANTED =
            new EventType<>("safesessions.consent.granted.v1", Topic.CONSENT, CONSENT, ConsentGrantedV1.class);
    public static final EventType<ConsentWithdrawnV1> CONSENT_WITHDRAWN =
            new EventType<>("safesessions.consent.withdrawn.v1", Topic.CONSENT, CONSENT, ConsentWithdrawnV1.class);
    public static final EventType<ConsentExpiringV1> CONSENT_EXPIRING =
            new EventType<>("safesessions.consent.expiring.v1", Topic.CONSENT, CONSENT, ConsentExpiringV1.class);
    public static final EventType<ConsentExpiredV1> CONSENT_EXPIRED =
            new EventType<>("safesessions.consent.expired.v1", Topic.CONSENT, CONSENT, ConsentExpiredV1.class);
    public static final EventType<AgreementRecordedV1> AGREEMENT_RECORDED =
            new EventType<>("safesessions.consent.agreement-recorded.v1", Topic.CONSENT, SAFETY_AGREEMENT, AgreementRecordedV1.class);

    public static final EventType<SessionScheduledV1> SESSION_SCHEDULED =
            new EventType<>("safesessions.session.scheduled.v1", Topic.SESSION, SESSION, SessionScheduledV1.class);
    public static final EventType<SessionRescheduledV1> SESSION_RESCHEDULED =
            new EventType<>("safesessions.session.rescheduled.v1", Topic.SESSION, SESSION, SessionRescheduledV1.class);
    public static final EventType<SessionCancelledV1> SESSION_CANCELLED =
            new EventType<>("safesessions.session.cancelled.v1", Topic.SESSION, SESSION, SessionCancelledV1.class);
    public static final EventType<ParticipantInvitedV1> PARTICIPANT_INVITED =
            new EventType<>("safesessions.session.participant-invited.v1", Topic.SESSION, SESSION, ParticipantInvitedV1.class);
    public static final EventType<ParticipantRemovedV1> PARTICIPANT_REMOVED =
            new EventType<>("safesessions.session.participant-removed.v1", Topic.SESSION, SESSION, ParticipantRemovedV1.class);
    public static final EventType<SessionStartedV1> SESSION_STARTED =
            new EventType<>("safesessions.session.started.v1", Topic.SESSION, SESSION, SessionStartedV1.class);
    public static final EventType<SessionEndedV1> SESSION_ENDED =
            new EventType<>("safesessions.session.ended.v1", Topic.SESSION, SESSION, SessionEndedV1.class);
    public static final EventType<AttendanceRecordedV1> ATTENDANCE_RECORDED =
            new EventType<>("safesessions.session.attendance-recorded.v1", Topic.SESSION, SESSION, AttendanceRecordedV1.class);
    public static final EventType<UnknownParticipantJoinedV1> UNKNOWN_PARTICIPANT_JOINED =
            new EventType<>("safesessions.session.unknown-participant-joined.v1", Topic.SESSION, SESSION, UnknownParticipantJoinedV1.class);
    public static final EventType<SessionTerminatedEarlyV1> SESSION_TERMINATED_EARLY =
            new EventType<>("safesessions.session.terminated-early.v1", Topic.SESSION, SESSION, SessionTerminatedEarlyV1.class);
    public static final EventType<MeetingProvisioningFailedV1> MEETING_PROVISIONING_FAILED =
            new EventType<>("safesessions.session.meeting-provisioning-failed.v1", Topic.SESSION, SESSION, MeetingProvisioningFailedV1.class);
    public static final EventType<ZoomHostSettingsDriftedV1> ZOOM_HOST_SETTINGS_DRIFTED =
            new EventType<>("safesessions.session.zoom-host-settings-drifted.v1", Topic.SESSION, SESSION, ZoomHostSettingsDriftedV1.class);
    public static final EventType<UnknownParticipantWaitingV1> UNKNOWN_PARTICIPANT_WAITING =
            new EventType<>("safesessions.session.unknown-participant-waiting.v1", Topic.SESSION, SESSION, UnknownParticipantWaitingV1.class);
    public static final EventType<OneToOneRequestedV1> ONE_TO_ONE_REQUESTED =
            new EventType<>("safesessions.session.one-to-one-requested.v1", Topic.SESSION, ONE_TO_ONE_REQUEST, OneToOneRequestedV1.class);
    public static final EventType<ConcernRaisedV1> CONCERN_RAISED =
            new EventType<>("safesessions.safeguarding.concern-raised.v1", Topic.SAFEGUARDING, CONCERN, ConcernRaisedV1.class);
    public static final EventType<ConcernAcknowledgedV1> CONCERN_ACKNOWLEDGED =
            new EventType<>("safesessions.safeguarding.concern-acknowledged.v1", Topic.SAFEGUARDING, CONCERN, ConcernAcknowledgedV1.class);
    public static final EventType<ConcernEscalatedV1> CONCERN_ESCALATED =
            new EventType<>("safesessions.safeguarding.concern-escalated.v1", Topic.SAFEGUARDING, CONCERN, ConcernEscalatedV1.class);
    public static final EventType<CouncilRespondedV1> COUNCIL_RESPONDED =
            new EventType<>("safesessions.safeguarding.council-responded.v1", Topic.SAFEGUARDING, CONCERN, CouncilRespondedV1.class);
    public static final EventType<ConcernClosedV1> CONCERN_CLOSED =
            new EventType<>("safesessions.safeguarding.concern-closed.v1", Topic.SAFEGUARDING, CONCERN, ConcernClosedV1.class);
    public static final EventType<SafeguardingClockBreachedV1> SAFEGUARDING_CLOCK_BREACHED =
            new EventType<>("safesessions.safeguarding.clock-breached.v1", Topic.SAFEGUARDING, CONCERN, SafeguardingClockBreachedV1.class);

    public static final List<EventType<?>> ALL = List.of(
            YOUNG_PERSON_REGISTERED, CONSENT_GRANTED, CONSENT_WITHDRAWN, CONSENT_EXPIRING, CONSENT_EXPIRED,
            AGREEMENT_RECORDED,
            SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED, PARTICIPANT_INVITED, PARTICIPANT_REMOVED, SESSION_STARTED,
            SESSION_ENDED, ATTENDANCE_RECORDED, UNKNOWN_PARTICIPANT_JOINED, SESSION_TERMINATED_EARLY, MEETING_PROVISIONING_FAILED, ONE_TO_ONE_REQUESTED,
            ZOOM_HOST_SETTINGS_DRIFTED, UNKNOWN_PARTICIPANT_WAITING,
            CONCERN_RAISED, CONCERN_ACKNOWLEDGED, CONCERN_ESCALATED,
            COUNCIL_RESPONDED, CONCERN_CLOSED, SAFEGUARDING_CLOCK_BREACHED);

    public static Optional<EventType<?>> of(String type) {
        return ALL.stream().filter(t -> t.type.equals(type)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> EventType<T> forPayload(Class<T> payloadClass) {
        return (EventType<T>) ALL.stream()
                .filter(t -> t.payloadClass.equals(payloadClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in the event catalogue: " + payloadClass.getName()));
    }
}
