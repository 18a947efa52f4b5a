package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.time.Time;
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

    /** Replaces the pool; sessions keep the host they have, new bookings and clashing reschedules choose from it. */
    @Transactional
    public ZoomHostPool replaceZoomHosts(String organisation, List<String> hosts, String by) {
        ZoomHost.replacePool(organisation, hosts, by, time.now());
        return zoomHosts(organisation);
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
