package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.ParticipantInvitedV1;
import org.safesessions.events.session.ParticipantRemovedV1;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.events.session.SessionCancelledV1;
import org.safesessions.events.session.SessionKind;
import org.safesessions.events.session.SessionRescheduledV1;
import org.safesessions.events.session.SessionScheduledV1;
import org.safesessions.kit.audit.Access;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.time.Time;
import org.safesessions.session.client.ZoomConfig;
import org.safesessions.session.domain.BookingRules;
import org.safesessions.session.domain.Facilitator;
import org.safesessions.session.domain.Facilitators;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.ProjectedConsent;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionChanged;
import org.safesessions.session.domain.SessionStatus;
import org.safesessions.session.domain.ZoomHostChoice;
import org.safesessions.session.domain.ZoomHostDrift;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.session.domain.ZoomRegistrant;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Booking, changing and cancelling sessions and their invitations: each change and its events in one transaction.
 * A session on Zoom gets its {@link ZoomMeeting} at booking; every change Zoom must receive makes that meeting due
 * (locked, so that the provisioner's own writes and this one never overwrite each other), and the provisioner
 * acts once the transaction has committed ({@link SessionChanged}).
 */
@ApplicationScoped
public class SessionBooking {

    @Inject
    Outbox outbox;

    @Inject
    AccessLog accessLog;

    static final String SESSION = "SESSION";
    static final String INVITATION = "INVITATION";

    @Inject
    Time time;

    @Inject
    BookingRules rules;

    @Inject
    ZoomConfig zoomConfig;

    @Inject
    EntityManager em;

    @Inject
    Facilitators staff;

    @Inject
    Event<SessionChanged> changed;

    /** What a booking needs (facilitators as typed: user names in any case); a one-to-one comes with its request's id. */
    public record Booking(SessionKind kind, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
                          Platform platform, Set<String> facilitators,
                          Set<UUID> invitees, boolean firstOfGroup, UUID oneToOneRequestId) {
    }

    /** Fields given replace the session's; null ones stay. */
    public record Change(String title, OffsetDateTime startsAt, Integer durationMinutes, Set<String> facilitators) {
    }

    @Transactional
    public Session book(String organisation, Booking booking, String bookedBy) {
        OffsetDateTime now = time.now();
        Session session = Session.book(organisation, booking.kind(), booking.title(), booking.startsAt(),
                booking.endsAt(), booking.platform(), booking.firstOfGroup(), booking.oneToOneRequestId(),
                staff.resolve(organisation, booking.facilitators()), bookedBy, now);
        rules.check(session, booking.invitees(), now);
        session.persist();
        ZoomMeeting meeting = session.onZoom() ? ZoomMeeting.forSession(session.id, now) : null;
        if (meeting != null) {
            meeting.assignHost(hosts().choose(em, session, null, utcDay(now), ZoomHostDrift.hostsOf(organisation)));
        }
        for (UUID youngPersonId : booking.invitees()) {
            if (session.invite(youngPersonId, now) != null && meeting != null) {
                meeting.due(now);
            }
        }
        outbox.publish(session.id, new SessionScheduledV1(session.id, organisation, session.kind,
                session.platform, session.startsAt, session.endsAt, session.facilitatorNames(), session.invitees(),
                session.facilitatorIds()));
        announceReadyInvitations(session);
        accessLog.record(organisation, Access.change(SESSION, session.id).detail("BOOKED"));
        for (UUID youngPersonId : booking.invitees()) {
            accessLog.record(organisation, Access.change(INVITATION, session.id).about(youngPersonId).detail("INVITED"));
        }
        changed.fire(new SessionChanged(session.id));
        return session;
    }

    /** Changes title, time or facilitators; every rule is checked again against the session as it would be. */
    @Transactional
    public Session change(String organisation, UUID sessionId, Change change) {
        OffsetDateTime now = time.now();
        Session session = get(organisation, sessionId);
        session.requireChangeable(now);
        OffsetDateTime previousStart = session.startsAt;
        OffsetDateTime previousEnd = session.endsAt;
        Set<Facilitator> previousFacilitators = Set.copyOf(session.facilitators);
        OffsetDateTime newStart = change.startsAt() != null ? utc(change.startsAt()) : session.startsAt;
        long minutes = change.durationMinutes() != null ? change.durationMinutes()
                : Duration.between(session.startsAt, session.endsAt).toMinutes();
        if (session.reschedule(change.title() != null ? change.title().strip() : session.title, newStart,
                newStart.plusMinutes(minutes))) {
            zoomDue(session, now);
            if (session.onZoom()) {
                // the host must be free at the new time too: kept if it is, else another free host, else 422
                ZoomMeeting.lockedFor(session.id).ifPresent(meeting -> meeting.assignHost(hosts().choose(em, session,
                        meeting.hostUser != null ? meeting.hostUser : zoomConfig.hostUser(), utcDay(now),
                        ZoomHostDrift.hostsOf(organisation))));
            }
        }
        if (change.facilitators() != null) {
            session.assignFacilitators(staff.resolve(organisation, change.facilitators()));
        }
        rules.check(session, session.invitees(), now);
        boolean timeChanged = !previousStart.isEqual(session.startsAt) || !previousEnd.isEqual(session.endsAt);
        if (timeChanged || !previousFacilitators.equals(Set.copyOf(session.facilitators))) {
            outbox.publish(session.id, new SessionRescheduledV1(session.id, organisation, previousStart,
                    session.startsAt, session.endsAt, session.facilitatorNames(), session.invitees(),
                    session.facilitatorIds()));
        }
        accessLog.record(organisation, Access.change(SESSION, session.id).detail("CHANGED"));
        changed.fire(new SessionChanged(session.id));
        return session;
    }

    @Transactional
    public Session cancel(String organisation, UUID sessionId) {
        OffsetDateTime now = time.now();
        Session session = get(organisation, sessionId);
        session.requireChangeable(now);
        List<UUID> invitees = session.invitees();
        session.cancel(now);
        if (session.onZoom()) {
            ZoomMeeting.lockedFor(session.id).ifPresent(meeting -> meeting.sessionCancelled(now));
        }
        outbox.publish(session.id, new SessionCancelledV1(session.id, organisation, session.startsAt, now,
                session.facilitatorNames(), invitees, session.facilitatorIds()));
        accessLog.record(organisation, Access.change(SESSION, session.id).detail("CANCELLED"));
        changed.fire(new SessionChanged(session.id));
        return session;
    }

    @Transactional
    public Session invite(String organisation, UUID sessionId, Set<UUID> youngPeople) {
        OffsetDateTime now = time.now();
        Session session = get(organisation, sessionId);
        session.requireChangeable(now);
        Set<UUID> after = new LinkedHashSet<>(session.invitees());
        after.addAll(youngPeople);
        rules.check(session, after, now);
        for (UUID youngPersonId : youngPeople) {
            Invitation invitation = session.invite(youngPersonId, now);
            if (invitation != null && session.onZoom()) {
                // a re-invitation gets a fresh registrant: a cancelled one cannot be revived
                ZoomRegistrant.of(invitation.key).ifPresent(ZoomRegistrant::forget);
                zoomDue(session, now);
            }
            accessLog.record(organisation, Access.change(INVITATION, session.id).about(youngPersonId).detail("INVITED"));
        }
        announceReadyInvitations(session);
        changed.fire(new SessionChanged(session.id));
        return session;
    }

    @Transactional
    public Session uninvite(String organisation, UUID sessionId, UUID youngPersonId) {
        OffsetDateTime now = time.now();
        Session session = get(organisation, sessionId);
        session.requireChangeable(now);
        if (!session.invitation(youngPersonId).map(Invitation::invited).orElse(false)) {
            throw new RecordNotFoundException("invitation");
        }
        removeFrom(session, youngPersonId, RemovalReason.UNINVITED, now);
        accessLog.record(organisation, Access.change(INVITATION, session.id).about(youngPersonId).detail("UNINVITED"));
        return session;
    }

    /**
     * After a consent ended: takes the young person off every future session their remaining consents no longer
     * cover. Runs in the consumer's transaction, with its processed-event record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int removeWhereConsentEnded(String organisation, UUID youngPersonId, RemovalReason reason) {
        OffsetDateTime now = time.now();
        // one read of the consents and one of the sessions (with their invitations and facilitators): this runs
        // for every withdrawal, and a young person may be invited to many sessions
        List<ProjectedConsent> consents = ProjectedConsent.ofYoungPerson(organisation, youngPersonId);
        List<Session> future = Session.list("select distinct s from Session s left join fetch s.invitations "
                        + "left join fetch s.facilitators where s.organisation = ?1 and s.status = ?3 and s.startsAt > ?4 "
                        + "and s.id in (select i.key.sessionId from Invitation i where i.key.youngPersonId = ?2 "
                        + "and i.status = org.safesessions.session.domain.InvitationStatus.INVITED)",
                organisation, youngPersonId, SessionStatus.SCHEDULED, now);
        int removed = 0;
        for (Session session : future) {
            if (!ProjectedConsent.coverPeriod(consents, session.consentScope(), session.platform, session.startsAt,
                    session.endsAt)) {
                removeFrom(session, youngPersonId, reason, now);
                removed++;
            }
        }
        return removed;
    }

    private void removeFrom(Session session, UUID youngPersonId, RemovalReason reason, OffsetDateTime now) {
        Invitation removed = session.remove(youngPersonId, reason, now);
        if (removed != null) {
            outbox.publish(session.id, new ParticipantRemovedV1(session.id, session.organisation,
                    youngPersonId, reason, session.startsAt, now));
            if (session.onZoom()) {
                // a registrant that still admits the young person is to be cancelled
                if (ZoomRegistrant.of(removed.key).filter(r -> r.toCancel(removed)).isPresent()) {
                    zoomDue(session, now);
                }
                changed.fire(new SessionChanged(session.id));
            }
        }
    }

    /** The host rules of SPEC §4 with this service's settings. */
    ZoomHostChoice hosts() {
        return hostChoice(zoomConfig);
    }

    static ZoomHostChoice hostChoice(ZoomConfig config) {
        return new ZoomHostChoice(config.hostMargin(), config.meetingsPerHostPerDay(), config.defaultHosts());
    }

    /** Zoom's daily limits run by the UTC day. */
    static java.time.LocalDate utcDay(OffsetDateTime now) {
        return now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /** Zoom has something to receive: the session's meeting is due at once, with a fresh budget of attempts. */
    private static void zoomDue(Session session, OffsetDateTime now) {
        if (session.onZoom()) {
            ZoomMeeting.lockedFor(session.id).ifPresent(meeting -> meeting.due(now));
        }
    }

    /** Off Zoom an invitation is ready at booking; on Zoom, once its registrant exists (the provisioner says so). */
    void announceReadyInvitations(Session session) {
        if (session.onZoom()) {
            return;
        }
        for (Invitation invitation : session.invitations) {
            if (invitation.readyOffZoom()) {
                outbox.publish(session.id, new ParticipantInvitedV1(session.id, session.organisation,
                        invitation.youngPersonId(), session.platform, session.startsAt, session.endsAt));
            }
        }
    }

    public Session get(String organisation, UUID sessionId) {
        return Session.findInOrganisation(sessionId, organisation).orElseThrow(() -> new RecordNotFoundException("session"));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
