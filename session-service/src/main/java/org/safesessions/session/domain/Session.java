package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.events.session.SessionKind;
import org.safesessions.events.session.TerminationReason;
import org.safesessions.kit.domain.ConflictException;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A live online session: a group session, or a one-to-one session with one young person. Facilitators are members
 * of staff by Keycloak user id (with their canonical user name); invitations keep their history. Made valid by
 * {@link #book}. Zoom's state is not the session's: a session on Zoom has its {@link ZoomMeeting} (and each
 * invitation its {@link ZoomRegistrant}); the session only counts its {@link #scheduleVersion}, which goes up with
 * every change Zoom must receive.
 */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    public static final String SESSION_IN_FUTURE = "session-must-be-in-the-future";
    public static final String NOT_CHANGEABLE = "session-no-longer-changeable";
    public static final String CHECKLIST_COMPLETE = "checklist-complete-before-start";
    public static final String RESPONSIBLE_ADULT = "one-to-one-needs-responsible-adult-confirmed";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionKind kind;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    /** The first session of a group: its checklist includes agreeing the ground rules. */
    @Column(name = "first_of_group", nullable = false)
    public boolean firstOfGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "one_to_one_request_id")
    public UUID oneToOneRequestId;

    @Column(name = "responsible_adult_confirmed_at")
    public OffsetDateTime responsibleAdultConfirmedAt;

    @Column(name = "responsible_adult_confirmed_by")
    public String responsibleAdultConfirmedBy;

    @Column(name = "briefing_given", nullable = false)
    public boolean briefingGiven;

    @Column(name = "ground_rules_agreed", nullable = false)
    public boolean groundRulesAgreed;

    @Column(name = "organisation_devices", nullable = false)
    public boolean organisationDevices;

    @Column(name = "checklist_by")
    public String checklistBy;

    @Column(name = "checklist_at")
    public OffsetDateTime checklistAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "termination_reason")
    public TerminationReason terminationReason;

    @Column(name = "termination_young_person_id")
    public UUID terminationYoungPersonId;

    @Column(name = "terminated_by")
    public String terminatedBy;

    /** Goes up with every change of time or title that Zoom must receive (see ZoomMeeting's synced version). */
    @Column(name = "schedule_version", nullable = false)
    public int scheduleVersion = 1;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Version
    public long version;

    /** Changed only through {@link #assignFacilitators}: one row per person, by Keycloak user id. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_facilitator", joinColumns = @JoinColumn(name = "session_id"))
    @org.hibernate.annotations.SortNatural
    public SortedSet<Facilitator> facilitators = new TreeSet<>();

    /** Read with the session (in a select of its own), so a use case's answer can be shown after its transaction. */
    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SELECT)
    @OrderBy("invitedAt")
    public List<Invitation> invitations = new ArrayList<>();

    /**
     * A new session as booked (title stripped, times in UTC, SCHEDULED), led by these members of staff (already
     * checked as staff: see Facilitators). The booking rules are checked on it before it is stored.
     */
    public static Session book(String organisation, SessionKind kind, String title, OffsetDateTime startsAt,
                               OffsetDateTime endsAt, Platform platform, boolean firstOfGroup, UUID oneToOneRequestId,
                               java.util.Collection<org.safesessions.kit.staff.StaffMember> facilitators, String bookedBy,
                               OffsetDateTime now) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.organisation = organisation;
        session.kind = kind;
        session.title = title.strip();
        session.platform = platform;
        session.startsAt = startsAt.withOffsetSameInstant(java.time.ZoneOffset.UTC);
        session.endsAt = endsAt.withOffsetSameInstant(java.time.ZoneOffset.UTC);
        session.firstOfGroup = firstOfGroup;
        session.status = SessionStatus.SCHEDULED;
        session.oneToOneRequestId = oneToOneRequestId;
        session.assignFacilitators(facilitators);
        session.createdAt = now;
        session.createdBy = bookedBy;
        return session;
    }

    public ConsentScope consentScope() {
        return kind == SessionKind.GROUP ? ConsentScope.GROUP_SESSIONS : ConsentScope.ONE_TO_ONE_SESSIONS;
    }

    public boolean onZoom() {
        return platform == Platform.ZOOM;
    }

    public List<UUID> invitees() {
        return invitations.stream().filter(Invitation::invited).map(Invitation::youngPersonId).toList();
    }

    public Optional<Invitation> invitation(UUID youngPersonId) {
        return invitations.stream().filter(i -> i.youngPersonId().equals(youngPersonId)).findFirst();
    }

    /** The members of staff leading the session (already checked as staff: see Facilitators). */
    public void assignFacilitators(java.util.Collection<org.safesessions.kit.staff.StaffMember> staff) {
        // a new set, not clear(): Hibernate then rewrites the rows by session id, which also removes rows from
        // before V3 whose null user_id a row-by-row delete would not match
        SortedSet<Facilitator> assigned = new TreeSet<>();
        staff.forEach(member -> assigned.add(Facilitator.of(member)));
        facilitators = assigned;
    }

    /** A facilitator row from before ids were kept gets its member of staff's Keycloak user id. */
    public void identifyFacilitator(org.safesessions.kit.staff.StaffMember member) {
        if (facilitators.stream().noneMatch(f -> f.userId == null && f.userName.equals(member.userName()))) {
            return;
        }
        SortedSet<Facilitator> identified = new TreeSet<>();
        facilitators.forEach(f -> identified.add(f.userId == null && f.userName.equals(member.userName())
                ? Facilitator.of(member) : f));
        facilitators = identified; // a new set, for the reason given in assignFacilitators
    }

    /** Whether the member of staff with this Keycloak user id (and canonical user name) leads the session. */
    public boolean ledBy(String keycloakUserId, String canonicalUserName) {
        return facilitators.stream().anyMatch(f -> f.is(keycloakUserId, canonicalUserName));
    }

    /** Canonical user names, for people to read. */
    public List<String> facilitatorNames() {
        return facilitators.stream().map(f -> f.userName).toList();
    }

    /** Keycloak user ids, for events (rows from before ids were kept have none). */
    public List<String> facilitatorIds() {
        return facilitators.stream().map(f -> f.userId).filter(java.util.Objects::nonNull).toList();
    }

    /** A one-to-one with one worker is allowed, and flagged: a second is good practice. */
    public boolean singleFacilitatorFlag() {
        return kind == SessionKind.ONE_TO_ONE && facilitators.size() < 2;
    }

    /** Booking, changing and inviting apply only to a session that has not started, been cancelled or ended. */
    public void requireChangeable(OffsetDateTime now) {
        if (status != SessionStatus.SCHEDULED) {
            throw new ConflictException(NOT_CHANGEABLE, "the session is " + status.name().toLowerCase());
        }
        if (!startsAt.isAfter(now)) {
            throw new ConflictException(NOT_CHANGEABLE, "the session has already begun");
        }
    }

    /** Adds (or re-adds after a removal) an invitation; null when the young person is invited already. */
    public Invitation invite(UUID youngPersonId, OffsetDateTime now) {
        Invitation existing = invitation(youngPersonId).orElse(null);
        if (existing != null && existing.invited()) {
            return null;
        }
        Invitation invitation = existing;
        if (invitation == null) {
            invitation = new Invitation();
            invitation.key = new Invitation.Key(id, youngPersonId);
            invitation.session = this;
            invitations.add(invitation);
        }
        invitation.status = InvitationStatus.INVITED;
        invitation.invitedAt = now;
        invitation.removedAt = null;
        invitation.removalReason = null;
        invitation.invitationReady = false;
        return invitation;
    }

    /** Removes an invited young person (the row stays, with its reason); the removed invitation, or null. */
    public Invitation remove(UUID youngPersonId, RemovalReason reason, OffsetDateTime now) {
        Invitation invitation = invitation(youngPersonId).filter(Invitation::invited).orElse(null);
        if (invitation == null) {
            return null;
        }
        invitation.remove(reason, now);
        return invitation;
    }

    /** New title and times; true when Zoom sees a change (the schedule version then goes up). */
    public boolean reschedule(String newTitle, OffsetDateTime newStart, OffsetDateTime newEnd) {
        boolean zoomSees = !title.equals(newTitle) || !startsAt.isEqual(newStart) || !endsAt.isEqual(newEnd);
        title = newTitle;
        startsAt = newStart;
        endsAt = newEnd;
        if (zoomSees) {
            scheduleVersion++;
        }
        return zoomSees;
    }

    public void cancel(OffsetDateTime now) {
        status = SessionStatus.CANCELLED;
        cancelledAt = now;
    }

    public void recordChecklist(boolean briefing, boolean groundRules, boolean devices, String by, OffsetDateTime now) {
        if (status != SessionStatus.SCHEDULED) {
            throw new ConflictException(NOT_CHANGEABLE, "the checklist is completed before the session starts");
        }
        briefingGiven = briefing;
        groundRulesAgreed = groundRules;
        organisationDevices = devices;
        checklistBy = by;
        checklistAt = now;
    }

    public boolean checklistComplete() {
        boolean groundRulesNeeded = kind == SessionKind.GROUP && firstOfGroup;
        return briefingGiven && organisationDevices && (groundRules(groundRulesNeeded));
    }

    private boolean groundRules(boolean needed) {
        return !needed || groundRulesAgreed;
    }

    public void confirmResponsibleAdult(String by, OffsetDateTime now) {
        responsibleAdultConfirmedAt = now;
        responsibleAdultConfirmedBy = by;
    }

    public void start(OffsetDateTime now) {
        if (status != SessionStatus.SCHEDULED) {
            throw new ConflictException(NOT_CHANGEABLE, "the session is " + status.name().toLowerCase());
        }
        if (!checklistComplete()) {
            throw new RuleViolationException(CHECKLIST_COMPLETE,
                    "the pre-session checklist (briefing, ground rules at a group's first session, organisation devices) is incomplete");
        }
        if (kind == SessionKind.ONE_TO_ONE && responsibleAdultConfirmedAt == null) {
            throw new RuleViolationException(RESPONSIBLE_ADULT,
                    "a one-to-one session needs a responsible adult at home confirmed before it starts");
        }
        status = SessionStatus.STARTED;
        startedAt = now;
    }

    public void end(OffsetDateTime now) {
        if (status != SessionStatus.STARTED) {
            throw new ConflictException(NOT_CHANGEABLE, "only a started session can end");
        }
        status = SessionStatus.ENDED;
        endedAt = now;
    }

    public void terminate(TerminationReason reason, UUID youngPersonId, String by, OffsetDateTime now) {
        if (status != SessionStatus.STARTED) {
            throw new ConflictException(NOT_CHANGEABLE, "only a started session can be ended early");
        }
        status = SessionStatus.TERMINATED_EARLY;
        endedAt = now;
        terminationReason = reason;
        terminationYoungPersonId = youngPersonId;
        terminatedBy = by;
    }

    public void requireInFuture(OffsetDateTime now) {
        if (!startsAt.isAfter(now)) {
            throw new RuleViolationException(SESSION_IN_FUTURE, "a session can only be booked for a future time");
        }
    }

    /**
     * How many sessions the organisation has, as counting them would say: the total session_count keeps (V15), one
     * row to read however many there are.
     */
    public static long countOfOrganisation(String organisation) {
        return kept("select coalesce((select sessions from session_count where organisation = ?1), 0)", organisation);
    }

    /**
     * How many of the organisation's sessions have a facilitator row with this Keycloak user id, as counting them
     * would say: the totals session_lead_count keeps (V16). Rows from before V3 that carry only the name are not in it
     * (see {@link #countLedByNameOnly}).
     */
    public static long countLedById(String organisation, String userId) {
        return kept("select coalesce(sum(sessions), 0) from session_lead_count where organisation = ?1 and user_id = ?2",
                organisation, userId);
    }

    /** How many of the organisation's sessions have a facilitator row from before V3 with this name and no id (V16). */
    public static long countLedByNameOnly(String organisation, String userName) {
        return kept("select coalesce(sum(sessions), 0) from session_lead_count"
                + " where organisation = ?1 and user_name = ?2 and user_id = ''", organisation, userName);
    }

    /** How many of the organisation's sessions have a facilitator with this canonical user name, id or not (V16). */
    public static long countWithFacilitator(String organisation, String userName) {
        return kept("select coalesce(sum(sessions), 0) from session_lead_count where organisation = ?1 and user_name = ?2",
                organisation, userName);
    }

    private static long kept(String sql, Object... parameters) {
        jakarta.persistence.Query query = getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    public static Optional<Session> findInOrganisation(UUID id, String organisation) {
        return Session.<Session>find("id = ?1 and organisation = ?2", id, organisation).firstResultOptional();
    }
}
