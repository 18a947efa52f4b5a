package org.safesessions.session.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.safesessions.events.session.MeetingProvisioningFailedV1;
import org.safesessions.events.session.ParticipantInvitedV1;
import org.safesessions.events.session.ZoomHostSettingsDriftedV1;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.crypto.Sealed;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.time.Time;
import org.safesessions.kit.work.Backoff;
import org.safesessions.kit.work.DueRows;
import org.safesessions.kit.work.DueWork;
import org.safesessions.kit.work.DueWorker;
import org.safesessions.session.client.Passcodes;
import org.safesessions.session.client.ZoomClient;
import org.safesessions.session.client.ZoomConfig;
import org.safesessions.session.client.ZoomFailure;
import org.safesessions.session.client.ZoomMessages.Meeting;
import org.safesessions.session.client.ZoomMessages.MeetingCreated;
import org.safesessions.session.client.ZoomMessages.MeetingSettings;
import org.safesessions.session.client.ZoomMessages.Registrant;
import org.safesessions.session.client.ZoomMessages.RegistrantCreated;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.MeetingSecrets;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionChanged;
import org.safesessions.session.domain.SessionStatus;
import org.safesessions.session.domain.ZoomHostDay;
import org.safesessions.session.domain.ZoomHostDrift;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.session.domain.ZoomRegistrant;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings Zoom in line with each session that has work for it: create or update the meeting, one registrant per
 * invitee, cancel removed registrants, delete a cancelled session's meeting. A {@link DueWork} run by the kit's
 * {@link DueWorker}: a pass claims due {@link ZoomMeeting}s ({@code FOR UPDATE SKIP LOCKED}) and leases them, then
 * talks to Zoom outside any transaction. Each Zoom answer is stored the moment it arrives (in its own short
 * transaction, through the meeting's or registrant's own methods), and every step first looks at what is already
 * stored, so a retry repeats only what is missing and never creates a second meeting or registrant. Zoom failures
 * are retried with the kit's {@link Backoff} (or Zoom's Retry-After; after a timeout no sooner than
 * {@code timeout-settle}); after {@code max-attempts} the meeting is FAILED and MeetingProvisioningFailed is published.
 */
@ApplicationScoped
public class ZoomProvisioner implements DueWork<UUID> {

    private static final Logger LOG = Logger.getLogger(ZoomProvisioner.class);
    private static final int BATCH = 50;
    /**
     * Sessions provisioned at once: enough that while some make their Medium calls (host settings, the meeting)
     * others keep the Light window full with registrants.
     */
    private static final int SESSIONS_AT_ONCE = 8;
    /** The host drifted and the session has another: the next pass goes on at once, with no attempt counted. */
    private static final String HOST_REPLACED = "ZOOM_HOST_REPLACED";
    /** Longer than an attempt can take (each Zoom call times out); a crashed attempt's meeting falls due after it. */
    static final Duration LEASE = Duration.ofMinutes(5);

    /** Sessions whose meeting could not be set up (given up): what the ZoomProvisioningFailing alert watches. */
    static final String PROVISIONING_FAILURES = "safesessions.zoom.provisioning.failures";

    @Inject
    ZoomClient zoom;

    @Inject
    MeterRegistry meters;

    @Inject
    ZoomConfig config;

    @Inject
    MeetingSecrets secrets;

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    EntityManager em;

    @Inject
    ManagedExecutor executor;

    private DueWorker<UUID> worker;
    private Backoff backoff;
    /** Zoom calls in flight for the registrants of the sessions being provisioned; their pace is the rate limits'. */
    private ExecutorService zoomCalls;

    @PostConstruct
    void init() {
        backoff = new Backoff(config.firstBackoff(), config.maxBackoff());
        zoomCalls = Executors.newFixedThreadPool(config.concurrency(), Thread.ofPlatform().name("zoom-call-", 0).daemon().factory());
        // a few sessions at once, so one session's Medium calls (settings, meeting) overlap another's registrants
        worker = DueWorker.concurrent("zoom-provisioning", this, BATCH, SESSIONS_AT_ONCE);
    }

    @PreDestroy
    void stop() {
        worker.stop();
        zoomCalls.shutdownNow();
    }

    void onSessionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged changed) {
        executor.execute(worker::request);
    }

    /** Picks up retries whose backoff has passed, and work left by a restart. */
    @Scheduled(every = "${safesessions.zoom.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        worker.request();
    }

    /** The due meetings (their sessions' ids), oldest due first, leased to this pass. */
    @Override
    public List<UUID> claim(int limit) {
        OffsetDateTime now = time.now();
        List<UUID> due = DueRows.claim(em, "zoom_meeting", "provisioning_state = 'PENDING' and next_attempt_at <= ?1",
                "next_attempt_at", limit, now);
        for (UUID sessionId : due) {
            ZoomMeeting.<ZoomMeeting>findById(sessionId).lease(now.plus(LEASE));
        }
        return due;
    }

    /** One provisioning attempt of one session, and its outcome. */
    @Override
    public void perform(UUID sessionId) {
        try {
            provision(sessionId);
        } catch (ZoomFailure failure) {
            failed(sessionId, failure);
        } catch (RuntimeException e) {
            // e.g. a concurrent change of the same session: the next pass sees the new state
            LOG.warnf("provisioning of session %s deferred: %s", sessionId, e.getClass().getName());
            try {
                QuarkusTransaction.requiringNew().run(() ->
                        ZoomMeeting.lockedFor(sessionId).ifPresent(m -> m.release(time.now())));
            } catch (RuntimeException stillFailing) {
                // the lease runs out instead
            }
        }
    }

    void provision(UUID sessionId) {
        Work work = QuarkusTransaction.requiringNew().call(() -> Work.of(Session.findById(sessionId),
                ZoomMeeting.findById(sessionId), ZoomRegistrant.ofSession(sessionId), config.hostUser()));
        if (work == null) {
            return;
        }
        Long meetingId = work.meetingId;
        if (work.cancelled) {
            if (meetingId != null && !work.meetingDeleted) {
                zoom.deleteMeeting(meetingId);
                QuarkusTransaction.requiringNew().run(() ->
                        ZoomMeeting.lockedFor(sessionId).ifPresent(ZoomMeeting::markDeleted));
            }
        } else {
            String host = work.host;
            if (meetingId == null) {
                requireSafeHost(sessionId, host);
                String passcode = Passcodes.generate();
                // only a create sent before (its answer lost to a timeout or a restart) may have made a meeting
                Optional<MeetingCreated> found = work.createSent ? zoom.findMeeting(host, agenda(sessionId)) : Optional.empty();
                if (found.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() ->
                            ZoomMeeting.lockedFor(sessionId).ifPresent(m -> m.createSent(time.now())));
                }
                MeetingCreated created = found.orElseGet(() -> zoom.createMeeting(host, meeting(work, passcode, null)));
                meetingId = created.id();
                long id = meetingId;
                String code = created.password() != null ? created.password() : passcode;
                QuarkusTransaction.requiringNew().run(() -> {
                    Sealed sealed = secrets.sealPasscode(sessionId, code);
                    ZoomMeeting.lockedFor(sessionId).ifPresent(m -> {
                        m.created(id, sealed, work.scheduleVersion);
                        m.heldBy(host);
                    });
                    if (found.isEmpty()) {
                        ZoomHostDay.count(host, time.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                    }
                });
            } else if (work.syncedVersion < work.scheduleVersion || !host.equals(work.zoomHost)) {
                // a reschedule that clashed gave the session another host: Zoom moves the meeting (schedule_for)
                boolean moving = !host.equals(work.zoomHost);
                if (moving) {
                    requireSafeHost(sessionId, host);
                }
                zoom.updateMeeting(meetingId, meeting(work, null, moving ? host : null));
                QuarkusTransaction.requiringNew().run(() -> {
                    ZoomMeeting.lockedFor(sessionId).ifPresent(m -> {
                        m.updated(work.scheduleVersion);
                        m.heldBy(host);
                    });
                    ZoomHostDay.count(host, time.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                });
            }
            register(sessionId, meetingId, work.needRegistrant);
        }
        for (Invitation.Key removed : work.registrantsToCancel) {
            zoom.cancelRegistrant(meetingId, work.registrantIds.get(removed));
            QuarkusTransaction.requiringNew().run(() -> ZoomRegistrant.lockedFor(removed).ifPresent(ZoomRegistrant::cancel));
        }
        QuarkusTransaction.requiringNew().run(() -> settle(sessionId));
    }

    /**
     * Enforces the host's safety settings and reads them back. A host that does not hold them all has drifted: it is
     * set aside, ZoomHostSettingsDrifted tells the managers, and the session is given another free host for the
     * next pass (none free: provisioning fails, naming the drift).
     */
    private void requireSafeHost(UUID sessionId, String host) {
        List<String> drifted = zoom.enforceHostSettings(host);
        if (drifted.isEmpty()) {
            return;
        }
        boolean rehosted = QuarkusTransaction.requiringNew().call(() -> {
            Session session = Session.findById(sessionId);
            OffsetDateTime now = time.now();
            ZoomHostDrift.found(session.organisation, host, drifted, sessionId, now);
            outbox.publish(sessionId, new ZoomHostSettingsDriftedV1(sessionId, session.organisation, drifted, now));
            ZoomMeeting meeting = ZoomMeeting.lockedFor(sessionId).orElseThrow();
            try {
                meeting.assignHost(SessionBooking.hostChoice(config).choose(em, session, null, SessionBooking.utcDay(now),
                        ZoomHostDrift.hostsOf(session.organisation)));
                return true;
            } catch (RuleViolationException noneFree) {
                return false;
            }
        });
        LOG.warnf("Zoom host of session %s drifted (%d settings); %s", sessionId, drifted.size(),
                rehosted ? "another host is given" : "no other host is free");
        throw new ZoomFailure(rehosted ? HOST_REPLACED : ZoomFailure.SETTINGS_NOT_APPLIED, rehosted, Duration.ZERO);
    }

    /**
     * Registers the young people concurrently (each call within the Light limit) and stores each answer as it comes;
     * the first failure is rethrown once every call has finished, so what did succeed is kept.
     */
    private void register(UUID sessionId, long meetingId, List<UUID> youngPeople) {
        List<Future<?>> calls = new ArrayList<>();
        for (UUID youngPersonId : youngPeople) {
            calls.add(zoomCalls.submit(() -> {
                RegistrantCreated registrant = zoom.registrant(meetingId, new Registrant(
                        youngPersonId + "@" + config.registrantEmailDomain(), "Participant",
                        youngPersonId.toString().substring(0, 8)));
                QuarkusTransaction.requiringNew().run(() -> registered(sessionId, youngPersonId, registrant));
            }));
        }
        RuntimeException first = null;
        for (Future<?> call : calls) {
            try {
                call.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while registering", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Stores the registrant; the invitation is ready and ParticipantInvited goes out, unless it was removed meanwhile. */
    private void registered(UUID sessionId, UUID youngPersonId, RegistrantCreated registrant) {
        Invitation invitation = Invitation.findById(new Invitation.Key(sessionId, youngPersonId), LockModeType.PESSIMISTIC_WRITE);
        if (invitation == null || ZoomRegistrant.of(invitation.key).isPresent()) {
            return;
        }
        ZoomRegistrant.registered(invitation.key, registrant.registrantId(),
                secrets.sealJoinUrl(invitation.key, registrant.joinUrl()));
        if (invitation.registeredOnZoom()) {
            Session session = Session.findById(sessionId);
            outbox.publish(sessionId, new ParticipantInvitedV1(sessionId, session.organisation, youngPersonId,
                    session.platform, session.startsAt, session.endsAt));
        }
    }

    /** READY when nothing is left for Zoom; otherwise another pass at once (a change arrived meanwhile). */
    private void settle(UUID sessionId) {
        ZoomMeeting meeting = ZoomMeeting.lockedFor(sessionId).orElse(null);
        if (meeting == null) {
            return;
        }
        Work left = Work.of(Session.findById(sessionId), meeting, ZoomRegistrant.ofSession(sessionId), config.hostUser());
        if (left == null || left.nothingLeft()) {
            meeting.ready();
        } else {
            meeting.pendingAgain(time.now());
        }
    }

    private void failed(UUID sessionId, ZoomFailure failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ZoomMeeting meeting = ZoomMeeting.lockedFor(sessionId).orElse(null);
            if (meeting == null) {
                return;
            }
            OffsetDateTime now = time.now();
            if (failure.perSecondRateLimit() || failure.code().equals(HOST_REPLACED)) {
                // Zoom's rate limit slows provisioning down; it is not a failed attempt
                meeting.retryAt(meeting.attempts, failure.code(), now.plus(failure.retryAfter().orElse(Duration.ofSeconds(1))));
                return;
            }
            int attempts = meeting.attempts + 1;
            if (failure.retryable() && attempts < config.maxAttempts()) {
                Duration wait = failure.retryAfter().orElse(backoff.after(attempts));
                if (failure.code().equals(ZoomFailure.TIMEOUT) && wait.compareTo(config.timeoutSettle()) < 0) {
                    wait = config.timeoutSettle();
                }
                meeting.retryAt(attempts, failure.code(), now.plus(wait));
                LOG.infof("Zoom provisioning of session %s: attempt %d failed (%s), next in %s", sessionId, attempts,
                        failure.code(), wait);
            } else {
                meeting.gaveUp(attempts, failure.code());
                Session session = Session.findById(sessionId);
                outbox.publish(sessionId, new MeetingProvisioningFailedV1(sessionId, session.organisation,
                        failure.code(), attempts, session.startsAt, now));
                LOG.warnf("Zoom provisioning of session %s gave up after %d attempts (%s)", sessionId, attempts, failure.code());
                Counter.builder(PROVISIONING_FAILURES).register(meters).increment();
            }
        });
    }

    private static Meeting meeting(Work work, String passcode, String scheduleFor) {
        return new Meeting(work.title, 2, work.startsAt.format(DateTimeFormatter.ISO_INSTANT), work.minutes,
                "Europe/London", agenda(work.sessionId), passcode, MeetingSettings.safe(), scheduleFor);
    }

    /** The agenda names the session (an id, no personal data), so a meeting can be found again after a lost answer. */
    static String agenda(UUID sessionId) {
        return "SafeSessions session " + sessionId;
    }

    /** What one attempt has to do, read from the session, its meeting and registrants in one transaction. */
    record Work(UUID sessionId, String title, OffsetDateTime startsAt, int minutes, boolean cancelled, Long meetingId,
                boolean createSent, boolean meetingDeleted, int scheduleVersion, int syncedVersion, String host, String zoomHost,
                List<UUID> needRegistrant, List<Invitation.Key> registrantsToCancel,
                Map<Invitation.Key, String> registrantIds) {

        /**
         * @param legacyHost the configured single host, whose meetings made before host pools (no host stored) are
         */
        static Work of(Session s, ZoomMeeting m, Map<UUID, ZoomRegistrant> registrants, String legacyHost) {
            if (s == null || m == null || !s.onZoom() || s.status == SessionStatus.STARTED
                    || s.status == SessionStatus.ENDED || s.status == SessionStatus.TERMINATED_EARLY) {
                return null;
            }
            List<UUID> need = s.invitations.stream()
                    .filter(i -> i.invited() && !registrants.containsKey(i.youngPersonId()))
                    .map(Invitation::youngPersonId).toList();
            Map<Invitation.Key, String> ids = new HashMap<>();
            List<Invitation.Key> cancel = s.invitations.stream().filter(i -> {
                ZoomRegistrant r = registrants.get(i.youngPersonId());
                return r != null && r.toCancel(i);
            }).map(i -> i.key).toList();
            cancel.forEach(key -> ids.put(key, registrants.get(key.youngPersonId).registrantId));
            return new Work(s.id, s.title, s.startsAt, (int) Duration.between(s.startsAt, s.endsAt).toMinutes(),
                    s.status == SessionStatus.CANCELLED, m.meetingId, m.createSentAt != null, m.deleted, s.scheduleVersion,
                    m.syncedVersion, m.hostUser != null ? m.hostUser : legacyHost,
                    m.zoomHostUser != null ? m.zoomHostUser : m.meetingId != null ? legacyHost : null, need, cancel, ids);
        }

        boolean nothingLeft() {
            if (cancelled) {
                return (meetingId == null || meetingDeleted) && registrantsToCancel.isEmpty();
            }
            return meetingId != null && syncedVersion >= scheduleVersion && needRegistrant.isEmpty()
                    && registrantsToCancel.isEmpty() && host.equals(zoomHost);
        }
    }
}
