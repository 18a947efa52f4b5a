package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Problem;
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
import org.safesessions.consent.rest.YoungPersonViews.YoungPersonPage;
import org.safesessions.consent.rest.YoungPersonViews.YoungPersonView;
import org.safesessions.consent.application.YoungPeopleRegister;
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
    @Operation(operationId = "registerYoungPerson", summary = "Register a young person with their guardians")
    @APIResponse(responseCode = "201", description = "registered; Location is the new record",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = YoungPersonView.class)),
            headers = @Header(name = "Location", description = "where the new record is read", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "the body or a parameter is invalid (each bad field named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull Register request, @Context UriInfo uri) {
        YoungPerson yp = register.register(caller.organisation(), request.command(), caller.userName());
        return Response.created(uri.getAbsolutePathBuilder().path(yp.id.toString()).build())
                .entity(YoungPersonView.of(yp, visibility())).build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "listYoungPeople", summary = "List the organisation's young people, newest first",
            description = "Paged (page from 0, size 1-200), with an optional name search. Contact details only for the roles that manage consent.")
    @APIResponse(responseCode = "200", description = "one page of young people",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = YoungPersonPage.class)))
    @APIResponse(responseCode = "400", description = "a query parameter is invalid (each named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<YoungPersonView> list(@QueryParam("name") @Size(max = 100) String name, @Valid @BeanParam PageRequest page) {
        Visibility visibility = visibility();
        return register.list(caller.organisation(), name, page.page, page.size).map(yp -> YoungPersonView.of(yp, visibility));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "getYoungPerson", summary = "Read one young person")
    @APIResponse(responseCode = "200", description = "the young person; contact details only for the roles that manage consent",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = YoungPersonView.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public YoungPersonView get(@PathParam("id") UUID id) {
        return YoungPersonView.of(register.read(caller.organisation(), id), visibility());
    }

    /** New contact details (the young person's own email, guardians' email, phone, preferred channel). */
    @PUT
    @Path("{id}/contact-details")
    @RolesAllowed({Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "updateContactDetails", summary = "Change a young person's contact details",
            description = "The young person's own email and, for each guardian listed, email, phone and preferred channel. In the access log by field name.")
    @APIResponse(responseCode = "200", description = "the young person with the new details",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = YoungPersonView.class)))
    @APIResponse(responseCode = "400", description = "the body or a parameter is invalid (each bad field named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a rule is broken: guardian-of-this-young-person (each guardian listed is one of this young person's) or anonymised-records-stay-anonymised",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public YoungPersonView updateContactDetails(@PathParam("id") UUID id, @Valid @NotNull ContactDetails request) {
        return YoungPersonView.of(register.updateContactDetails(caller.organisation(), id, request.command(), caller.userName()), visibility());
    }

    @POST
    @Path("{id}/consents")
    @RolesAllowed({Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "recordConsent", summary = "Record a consent for a young person",
            description = "Publishes ConsentGranted. expiresAt defaults to givenAt plus the organisation's default validity.")
    @APIResponse(responseCode = "201", description = "recorded; Location is /consents/{id}",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = ConsentView.class)),
            headers = @Header(name = "Location", description = "where the new record is read", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "the body or a parameter is invalid (each bad field named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a rule is broken: consent-given-by-a-registered-guardian, self-consent-allowed-by-organisation, self-consent-needs-13-or-over, consent-given-after-birth, consent-lasts-at-most-5-years, consent-expires-after-it-is-given, consent-given-in-the-past or anonymised-records-stay-anonymised",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response recordConsent(@PathParam("id") UUID id, @Valid @NotNull RecordConsent request, @Context UriInfo uri) {
        Consent consent = register.recordConsent(caller.organisation(), id, request.command(), caller.userName());
        return Response.created(uri.getBaseUriBuilder().path("consents").path(consent.id.toString()).build())
                .entity(ConsentView.of(consent, null, time.now(), visibility())).build();
    }

    /** Every consent of the young person, newest first, with its status now and its withdrawal if any. */
    @GET
    @Path("{id}/consents")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "listConsents", summary = "Read a young person's consents, newest first",
            description = "Each with its status now (ACTIVE, WITHDRAWN, EXPIRED) and its withdrawal; the reason only for the roles that manage consent.")
    @APIResponse(responseCode = "200", description = "the consents",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<ConsentView> consents(@PathParam("id") UUID id) {
        List<ConsentFacts> consents = register.consents(caller.organisation(), id);
        OffsetDateTime now = time.now();
        Visibility visibility = visibility();
        return consents.stream().map(f -> ConsentView.of(f, now, visibility)).toList();
    }

    /** The consent history as facts in the order they happened: granted, withdrawn, expired. */
    @GET
    @Path("{id}/consent-history")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "getConsentHistory", summary = "Read a young person's consent history as facts in order",
            description = "GRANTED, WITHDRAWN and EXPIRED facts in the order they happened.")
    @APIResponse(responseCode = "200", description = "the facts, oldest first",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntry.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntry> consentHistory(@PathParam("id") UUID id) {
        return ConsentFacts.timeline(register.consents(caller.organisation(), id), time.now()).stream()
                .map(HistoryEntry::of).toList();
    }

    @POST
    @Path("{id}/agreements")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "recordAgreement", summary = "Record a young person's online safety agreement",
            description = "Publishes AgreementRecorded. agreedAt defaults to now.")
    @APIResponse(responseCode = "201", description = "recorded; Location is the new agreement",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = AgreementView.class)),
            headers = @Header(name = "Location", description = "where the new record is read", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "the body or a parameter is invalid (each bad field named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a rule is broken: agreement-to-a-published-code-of-conduct, agreement-made-in-the-past or agreement-made-after-birth",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response recordAgreement(@PathParam("id") UUID id, @Valid @NotNull RecordAgreement request,
                                    @Context UriInfo uri) {
        SafetyAgreement agreement = agreements.record(caller.organisation(), id, request.command(), caller.userName());
        return Response.created(uri.getAbsolutePathBuilder().path(agreement.id.toString()).build())
                .entity(AgreementView.of(agreement)).build();
    }

    @GET
    @Path("{id}/agreements")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "listAgreements", summary = "Read a young person's online safety agreements, newest first")
    @APIResponse(responseCode = "200", description = "the agreements",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<AgreementView> agreements(@PathParam("id") UUID id) {
        return agreements.ofYoungPerson(caller.organisation(), id).stream().map(AgreementView::of).toList();
    }

    /**
     * Subject access: everything held about the young person as one document. Those who read audit (SPEC §2:
     * safeguarding leads and managers) answer subject access requests; the export is itself audited.
     */
    @GET
    @Path("{id}/export")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "exportSubjectAccess", summary = "Export everything held about a young person (subject access)",
            description = "One JSON document: the record with guardians, consents with withdrawals, the consent history, agreements and the access log of the young person's data. The export is itself in the access log (EXPORT).")
    @APIResponse(responseCode = "200", description = "the subject access document",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = SubjectAccessExport.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
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
    @Operation(operationId = "getContacts", summary = "Look up a young person's contact details to send a message",
            description = "For services about to send a message (contact-reader). The organisation comes from the event being handled and must match the record.")
    @APIResponse(responseCode = "200", description = "who to contact",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = Contacts.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID, or organisation is missing",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in that organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Contacts contacts(@PathParam("id") UUID id, @QueryParam("organisation") @NotNull String organisation) {
        return Contacts.of(register.contacts(organisation, id));
    }

    /** Who sees what is the domain's rule (SPEC §2); the caller's roles are the input. */
    private Visibility visibility() {
        return Visibility.forRoles(caller::hasRole);
    }
}
