package org.safesessions.session.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.time.Time;
import org.safesessions.session.client.ZoomClient;
import org.safesessions.session.client.ZoomFailure;
import org.safesessions.session.domain.ApprovedPlatform;
import org.safesessions.session.domain.SessionPolicy;
import org.safesessions.session.domain.ZoomHost;
import org.safesessions.session.domain.ZoomHostDrift;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** The organisation's session policy and approved platforms: read by staff, edited by managers (SPEC §2). */
@ApplicationScoped
public class PolicyAdministration {

    @Inject
    Time time;

    @Inject
    SessionBooking booking;

    @Inject
    ZoomClient zoom;

    /** A host enters an organisation's pool only once Zoom holds every safety setting for it (SPEC §4). */
    public static final String HOST_SETTINGS_HOLD = "zoom-host-safety-settings-must-hold";

    /** The whole policy, as a manager sets it. */
    public record ReplacePolicy(int minGroupFacilitators, int maxGroupSize, Set<DayOfWeek> workingDays,
                                LocalTime workingDayStarts, LocalTime workingDayEnds, String timeZone,
                                int maxLengthMinutes) {
    }

    /** A platform's risk assessment: who assessed it, when, and when it is due for review. */
    public record AssessPlatform(String assessedBy, LocalDate assessedOn, LocalDate reviewDue) {
    }

    /** The policy (defaults until a manager edits it), its platforms, and the organisation's date today. */
    public record PolicyState(SessionPolicy policy, List<ApprovedPlatform> platforms, LocalDate today) {
    }

    /** A platform's approval and the organisation's date today (approved until its review date). */
    public record PlatformState(ApprovedPlatform platform, LocalDate today) {
    }

    /** The Zoom host pool sessions choose from; {@code defaults} while the manager has set none. */
    public record ZoomHostPool(List<String> hosts, boolean defaults, List<ZoomHostDrift> drifted) {
    }

    public ZoomHostPool zoomHosts(String organisation) {
        List<String> set = ZoomHost.poolOf(organisation);
        List<ZoomHostDrift> drifted = ZoomHostDrift.ofOrganisation(organisation);
        return set.isEmpty() ? new ZoomHostPool(booking.hosts().defaultPool(), true, drifted)
                : new ZoomHostPool(set, false, drifted);
    }

    /**
     * Replaces the pool; sessions keep the host they have, new bookings and clashing reschedules choose from it.
     * Every host entering the pool (new to it, or set aside for drift and named again) first has its safety settings
     * enforced and read back, as before a meeting, outside any transaction: one that does not hold them all is
     * refused ({@value #HOST_SETTINGS_HOLD}, naming its place in the list and Zoom's names of the settings), and
     * the pool stays as it was. Zoom failing or unreachable: {@link ZoomFailure}, the pool unchanged.
     */
    public ZoomHostPool replaceZoomHosts(String organisation, List<String> hosts, String by) {
        List<String> entering = QuarkusTransaction.requiringNew().call(() -> ZoomHost.entering(organisation, hosts));
        for (String host : entering) {
            List<String> drifted;
            try {
                drifted = zoom.enforceHostSettings(host);
            } catch (ZoomFailure f) {
                if (f.retryable()) {
                    throw f;
                }
                // Zoom refused the settings outright (no such user, not licensed, settings locked by the account)
                throw new RuleViolationException(HOST_SETTINGS_HOLD, "hosts[" + hosts.indexOf(host)
                        + "]: Zoom refused its safety settings (" + f.code() + ")");
            }
            if (!drifted.isEmpty()) {
                throw new RuleViolationException(HOST_SETTINGS_HOLD, "hosts[" + hosts.indexOf(host)
                        + "]: its settings read back differently from the safe ones: " + String.join(", ", drifted));
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ZoomHost.replacePool(organisation, hosts, by, time.now());
            return zoomHosts(organisation);
        });
    }

    public PolicyState policy(String organisation) {
        return state(SessionPolicy.of(organisation));
    }

    @Transactional
    public PolicyState replace(String organisation, ReplacePolicy command, String by) {
        SessionPolicy policy = SessionPolicy.of(organisation);
        policy.replace(command.minGroupFacilitators(), command.maxGroupSize(), command.workingDays(),
                command.workingDayStarts(), command.workingDayEnds(), command.timeZone(), command.maxLengthMinutes(),
                by, time.now());
        return state(policy);
    }

    /** Records (or renews) a platform's risk assessment; the platform is approved until its review date. */
    @Transactional
    public PlatformState assess(String organisation, Platform platform, AssessPlatform command, String by) {
        ApprovedPlatform approval = ApprovedPlatform.assess(organisation, platform, command.assessedBy(),
                command.assessedOn(), command.reviewDue(), by, time.now());
        return new PlatformState(approval, SessionPolicy.of(organisation).today(time.clock()));
    }

    /** Withdraws a platform's approval: no new booking on it. */
    @Transactional
    public void withdraw(String organisation, Platform platform) {
        ApprovedPlatform approval = ApprovedPlatform.find(organisation, platform);
        if (approval == null) {
            throw new RecordNotFoundException("platform approval");
        }
        approval.delete();
    }

    private PolicyState state(SessionPolicy policy) {
        return new PolicyState(policy, ApprovedPlatform.ofOrganisation(policy.organisation), policy.today(time.clock()));
    }
}
