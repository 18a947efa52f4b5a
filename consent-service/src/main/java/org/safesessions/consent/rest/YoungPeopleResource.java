package org.safesessions.consent.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.safesessions.consent.domain.Consent;
import org.safesessions.consent.domain.ConsentFacts;
import org.safesessions.consent.domain.SafetyAgreement;
import org.safesessions.consent.domain.Visibility;
import org.safesessions.consent.rest.AgreementMessages.AgreementView;
import org.safesessions.consent.rest.AgreementMessages.RecordAgreement;
import org.safesessions.consent.rest.ConsentMessages.HistoryEntry;
import org.safesessions.consent.rest.YoungPersonRequests.ContactDetails;
import org.safesessions.consent.application.SafetyAgreements;
import org.safesessions.consent.application.SubjectAccess;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.consent.rest.ConsentMessages.ConsentView;
import org.safesessions.consent.rest.ConsentMessages.RecordConsent;
import org.safesessions.consent.rest.YoungPersonRequests.Register;
import org.safesessions.consent.rest.YoungPersonViews.Contacts;
import org.safesessions.consent.rest.YoungPersonViews.YoungPersonView;
import org.safesessions.consent.application.YoungPeopleRegister;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/young-people")
public class YoungPeopleResource {

    @Inject
    YoungPeopleRegister register;

    @Inject
    Caller caller;

    @Inject
    Time time;

    @Inject
    SafetyAgreements agreements;

    @Inject
    SubjectAccess subjectAccess;

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Response register(@Valid @NotNull Register request, @Context UriInfo uri) {
        YoungPerson yp = register.register(caller.organisation(), request.command(), caller.userName());
        return Response.created(uri.getAbsolutePathBuilder().path(yp.id.toString()).build())
                .entity(YoungPersonView.of(yp, visibility())).build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Page<YoungPersonView> list(@QueryParam("name") @Size(max = 100) String name, @Valid @BeanParam PageRequest page) {
        Visibility visibility = visibility();
        return register.list(caller.organisation(), name, page.page, page.size).map(yp -> YoungPersonView.of(yp, visibility));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public YoungPersonView get(@PathParam("id") UUID id) {
        return YoungPersonView.of(register.get(caller.organisation(), id), visibility());
    }

    /** New contact details (the young person's own email, guardians' email, phone, preferred channel). */
    @PUT
    @Path("{id}/contact-details")
    @RolesAllowed({Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public YoungPersonView updateContactDetails(@PathParam("id") UUID id, @Valid @NotNull ContactDetails request) {
        return YoungPersonView.of(register.updateContactDetails(caller.organisation(), id, request.command(), caller.userName()), visibility());
    }

    @POST
    @Path("{id}/consents")
    @RolesAllowed({Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Response recordConsent(@PathParam("id") UUID id, @Valid @NotNull RecordConsent request, @Context UriInfo uri) {
        Consent consent = register.recordConsent(caller.organisation(), id, request.command(), caller.userName());
        return Response.created(uri.getBaseUriBuilder().path("consents").path(consent.id.toString()).build())
                .entity(ConsentView.of(consent, null, time.now(), visibility())).build();
    }

    /** Every consent of the young person, newest first, with its status now and its withdrawal if any. */
    @GET
    @Path("{id}/consents")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public List<ConsentView> consents(@PathParam("id") UUID id) {
        YoungPerson yp = register.get(caller.organisation(), id);
        OffsetDateTime now = time.now();
        Visibility visibility = visibility();
        return ConsentFacts.ofYoungPerson(yp.id).stream().map(f -> ConsentView.of(f, now, visibility)).toList();
    }

    /** The consent history as facts in the order they happened: granted, withdrawn, expired. */
    @GET
    @Path("{id}/consent-history")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public List<HistoryEntry> consentHistory(@PathParam("id") UUID id) {
        YoungPerson yp = register.get(caller.organisation(), id);
        return ConsentFacts.timeline(ConsentFacts.ofYoungPerson(yp.id), time.now()).stream()
                .map(HistoryEntry::of).toList();
    }

    @POST
    @Path("{id}/agreements")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Response recordAgreement(@PathParam("id") UUID id, @Valid @NotNull RecordAgreement request,
                                    @Context UriInfo uri) {
        SafetyAgreement agreement = agreements.record(caller.organisation(), id, request.command(), caller.userName());
        return Response.created(uri.getAbsolutePathBuilder().path(agreement.id.toString()).build())
                .entity(AgreementView.of(agreement)).build();
    }

    @GET
    @Path("{id}/agreements")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public List<AgreementView> agreements(@PathParam("id") UUID id) {
        YoungPerson yp = register.get(caller.organisation(), id);
        return SafetyAgreement.ofYoungPerson(yp.id).stream().map(AgreementView::of).toList();
    }

    /**
     * Subject access: everything held about the young person as one document. Those who read audit (SPEC §2:
     * safeguarding leads and managers) answer subject access requests; the export is itself audited.
     */
    @GET
    @Path("{id}/export")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public SubjectAccessExport export(@PathParam("id") UUID id) {
        return SubjectAccessExport.of(subjectAccess.export(caller.organisation(), id, caller.userName()));
    }

    /**
     * Contact details for a service that is about to send a message (service token with {@code contact-reader}).
     * The organisation comes from the event being handled and must match the record.
     */
    @GET
    @Path("{id}/contacts")
    @RolesAllowed(Roles.CONTACT_READER)
    public Contacts contacts(@PathParam("id") UUID id, @QueryParam("organisation") @NotNull String organisation) {
        return YoungPerson.findInOrganisation(id, organisation).map(Contacts::of)
                .orElseThrow(() -> new RecordNotFoundException("young person"));
    }

    /** Who sees what is the domain's rule (SPEC §2); the caller's roles are the input. */
    private Visibility visibility() {
        return Visibility.forRoles(caller::hasRole);
    }
}
