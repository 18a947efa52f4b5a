package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.policy.ApprovedPlatform;
import org.safesessions.session.policy.SessionPolicy;
import org.safesessions.session.rest.PolicyMessages.PlatformView;
import org.safesessions.session.rest.PolicyMessages.PolicyUpdate;
import org.safesessions.session.rest.PolicyMessages.PolicyView;
import org.safesessions.session.rest.PolicyMessages.RiskAssessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The organisation's session policy and approved platforms: read by staff, edited by managers (SPEC §2). */
@Path("/policy")
public class PolicyResource {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public PolicyView get() {
        return view(SessionPolicy.of(caller.organisation()));
    }

    @PUT
    @Transactional
    @RolesAllowed(Roles.MANAGER)
    public PolicyView update(@Valid @NotNull PolicyUpdate update) {
        SessionPolicy policy = SessionPolicy.of(caller.organisation());
        policy.minGroupFacilitators = update.minGroupFacilitators();
        policy.maxGroupSize = update.maxGroupSize();
        policy.setWorkingDays(update.workingDays());
        policy.workingDayStarts = update.workingDayStarts();
        policy.workingDayEnds = update.workingDayEnds();
        policy.timeZone = update.timeZone();
        policy.maxLengthMinutes = update.maxLengthMinutes();
        policy.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        policy.updatedBy = caller.userName();
        policy.persist();
        return view(policy);
    }

    /** Records (or renews) a platform's risk assessment; the platform is approved until its review date. */
    @PUT
    @Path("platforms/{platform}")
    @Transactional
    @RolesAllowed(Roles.MANAGER)
    public PlatformView assess(@PathParam("platform") Platform platform, @Valid @NotNull RiskAssessment assessment) {
        String organisation = caller.organisation();
        ApprovedPlatform approval = ApprovedPlatform.find(organisation, platform);
        if (approval == null) {
            approval = new ApprovedPlatform();
            approval.key = new ApprovedPlatform.Key(organisation, platform);
        }
        approval.assessedBy = assessment.assessedBy().strip();
        approval.assessedOn = assessment.assessedOn();
        approval.reviewDue = assessment.reviewDue();
        approval.recordedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        approval.recordedBy = caller.userName();
        approval.persist();
        return PlatformView.of(approval, today(SessionPolicy.of(organisation)));
    }

    /** Withdraws a platform's approval: no new booking on it. */
    @DELETE
    @Path("platforms/{platform}")
    @Transactional
    @RolesAllowed(Roles.MANAGER)
    public void withdraw(@PathParam("platform") Platform platform) {
        ApprovedPlatform approval = ApprovedPlatform.find(caller.organisation(), platform);
        if (approval == null) {
            throw new RecordNotFoundException("platform approval");
        }
        approval.delete();
    }

    private PolicyView view(SessionPolicy policy) {
        LocalDate today = today(policy);
        return PolicyView.of(policy, ApprovedPlatform.ofOrganisation(policy.organisation).stream()
                .map(p -> PlatformView.of(p, today)).toList());
    }

    private LocalDate today(SessionPolicy policy) {
        return LocalDate.now(clock.withZone(ZoneId.of(policy.timeZone)));
    }
}
