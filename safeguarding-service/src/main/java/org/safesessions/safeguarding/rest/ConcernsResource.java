package org.safesessions.safeguarding.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.application.SafeguardingClocks;
import org.safesessions.safeguarding.domain.AccessRecord;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ConcernStatus;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.rest.ConcernViews.Access;
import org.safesessions.safeguarding.rest.ConcernViews.Detail;
import org.safesessions.safeguarding.rest.ConcernViews.Entry;
import org.safesessions.safeguarding.rest.ConcernViews.Overdue;
import org.safesessions.safeguarding.rest.ConcernViews.RetentionReview;
import org.safesessions.safeguarding.rest.ConcernViews.Summary;
import org.safesessions.safeguarding.rest.ConcernViews.Verification;
import org.safesessions.safeguarding.application.Chronology;
import org.safesessions.safeguarding.application.ConcernBundles;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Concerns for charity staff (SPEC §2, §5): any staff role raises one; who sees what is {@link Reader}'s rule;
 * only DSLs move the workflow and write the chronology; DSLs and managers read chronologies and access logs.
 */
@Path("/concerns")
public class ConcernsResource {

    static final String[] STAFF = {Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER};

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    @Inject
    Chronology chronology;

    @Inject
    SafeguardingClocks clocks;

    @Inject
    Caller caller;

    @Inject
    Time time;

    @Inject
    Readers readers;

    @Inject
    ConcernBundles bundles;

    @Operation(operationId = "raiseConcern", summary = "Raise a concern")
    @APIResponse(responseCode = "201", description = "Raised: the full record for DSLs and managers, the summary for youth workers and coordinators",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {Detail.class, Summary.class})))
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rules `young-person-concern-names-the-young-person`, `staff-allegation-names-the-member-of-staff`, `allegation-subject-must-be-staff-of-organisation`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Response raise(@Valid @NotNull ConcernRequests.Raise request, @Context UriInfo uri) {
        Concern c = register.raise(caller.organisation(), request.command(), caller.userName());
        Object view = reader().seesFullRecord() ? Detail.of(c, register.narrative(c)) : Summary.of(c);
        return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build()).entity(view).build();
    }

    @Operation(operationId = "listConcerns", summary = "List the concerns the caller may see, newest first")
    @APIResponse(responseCode = "200", description = "A page of summaries")
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Page<Summary> list(@QueryParam("status") ConcernStatus status, @QueryParam("risk") RiskLevel risk,
                              @Valid @BeanParam PageRequest page) {
        return register.list(reader(), status, risk, page.page, page.size).map(Summary::of);
    }

    /** Youth workers and coordinators get the summary of a concern they raised; DSLs and managers the whole record. */
    @Operation(operationId = "getConcern", summary = "Read a concern (the read is logged)")
    @APIResponse(responseCode = "200", description = "The full record for DSLs and managers, the summary for youth workers and coordinators",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {Detail.class, Summary.class})))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Object get(@PathParam("id") UUID id) {
        Reader reader = reader();
        if (!reader.seesFullRecord()) {
            return Summary.of(register.read(reader, id, AccessRecord.View.SUMMARY, role()));
        }
        Concern c = register.read(reader, id, AccessRecord.View.FULL, role());
        return Detail.of(c, register.narrative(c));
    }

    @Operation(operationId = "acknowledgeConcern", summary = "Acknowledge a raised concern")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Rule `illegal-status-transition`: the concern's status does not allow this move",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    public Detail acknowledge(@PathParam("id") UUID id) {
        return detail(workflow.acknowledge(reader(), id));
    }

    @Operation(operationId = "startConcernReview", summary = "Start reviewing an acknowledged concern")
    @APIResponse(responseCode = "200", description = "Under review",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Rule `illegal-status-transition`: the concern's status does not allow this move",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("{id}/review")
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    public Detail review(@PathParam("id") UUID id, @Valid ConcernRequests.Review request) {
        return detail(workflow.startReview(reader(), id, request == null ? null : request.command()));
    }

    @Operation(operationId = "monitorConcern", summary = "Put a concern under review on monitoring")
    @APIResponse(responseCode = "200", description = "Monitoring",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Rule `illegal-status-transition`: the concern's status does not allow this move",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("{id}/monitoring")
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    public Detail monitor(@PathParam("id") UUID id, @Valid @NotNull ConcernRequests.Monitoring request) {
        return detail(workflow.monitor(reader(), id, request.command()));
    }

    @Operation(operationId = "escalateConcern", summary = "Escalate a concern to a partner council")
    @APIResponse(responseCode = "200", description = "Escalated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Rule `illegal-status-transition`: the concern's status does not allow this move",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rule `escalation-needs-lawful-basis`: neither an active INFORMATION_SHARING consent of the young person nor a decision recorded on the concern to break confidentiality",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("{id}/escalation")
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    public Detail escalate(@PathParam("id") UUID id, @Valid @NotNull ConcernRequests.Escalation request) {
        return detail(workflow.escalate(reader(), id, request.command()));
    }

    @Operation(operationId = "closeConcern", summary = "Close a concern, with a reason")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Rule `illegal-status-transition`: the concern's status does not allow this move",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("{id}/closure")
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    public Detail close(@PathParam("id") UUID id, @Valid @NotNull ConcernRequests.Closure request) {
        return detail(workflow.close(reader(), id, request.command()));
    }

    @Operation(operationId = "recordChronologyEntry", summary = "Add a note, private session, confidentiality decision or outcome to the chronology")
    @APIResponse(responseCode = "201", description = "The entry as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Entry.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rules `entry-kind-written-by-the-workflow`, `confidentiality-decision-records-justification-decider-and-informed`, `chronology-entry-has-text`, `correction-points-at-an-entry-of-this-concern`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("{id}/chronology")
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    public Response record(@PathParam("id") UUID id, @Valid @NotNull ConcernRequests.NewEntry request,
                           @Context UriInfo uri) {
        Chronology.Entry entry = workflow.record(reader(), id, request.command());
        // entries are read as the whole chronology: that is where the new one now is
        return Response.created(uri.getAbsolutePath()).entity(Entry.of(entry)).build();
    }

    @Operation(operationId = "readChronology", summary = "Read a concern's whole chronology (the read is logged)")
    @APIResponse(responseCode = "200", description = "Every entry, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Entry.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("{id}/chronology")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public List<Entry> chronology(@PathParam("id") UUID id) {
        Concern c = register.read(reader(), id, AccessRecord.View.CHRONOLOGY, role());
        return chronology.read(c.id, k -> true).stream().map(Entry::of).toList();
    }

    @Operation(operationId = "verifyChronology", summary = "Verify a concern's chronology hash chain (the check is logged)")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and where it first breaks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("{id}/chronology/verification")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Verification verify(@PathParam("id") UUID id) {
        Concern c = register.read(reader(), id, AccessRecord.View.VERIFICATION, role());
        return Verification.of(chronology.verify(c.id));
    }

    @Operation(operationId = "readAccessLog", summary = "Read who read a concern, newest first")
    @APIResponse(responseCode = "200", description = "A page of reads")
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("{id}/access-log")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Page<Access> accessLog(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return register.accessLog(reader(), id, page.page, page.size).map(Access::of);
    }

    @Operation(operationId = "listOverdueConcerns", summary = "List concerns with a clock past due, most overdue first")
    @APIResponse(responseCode = "200", description = "A page of overdue concerns")
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("overdue")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Page<Overdue> overdue(@Valid @BeanParam PageRequest page) {
        OffsetDateTime now = time.now();
        return clocks.overdue(reader(), page.page, page.size).map(c -> Overdue.of(c, now));
    }

    /** Records whose retention period has run: for a person to review, never deleted automatically. */
    @Operation(operationId = "listRetentionReviews", summary = "List records whose retention review date has come")
    @APIResponse(responseCode = "200", description = "A page of records due for review")
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("retention-review")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Page<RetentionReview> retentionReview(@QueryParam("asOf") LocalDate asOf, @Valid @BeanParam PageRequest page) {
        LocalDate day = asOf != null ? asOf : LocalDate.now(time.clock());
        return register.dueForReview(reader(), day, page.page, page.size).map(RetentionReview::of);
    }

    @Operation(operationId = "produceConcernBundle", summary = "Produce the court and council bundle of a concern (the export is logged and recorded in the chronology)")
    @APIResponse(responseCode = "200", description = "The concern's summary, every chronology entry opened with its hash, the chain's verification and the bundle's SHA-256 digest; as a PDF with Accept: application/pdf",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernViews.Bundle.class)),
                    @Content(mediaType = BundlePdf.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rule `" + ConcernBundles.ENDS_AT_AN_ENTRY + "`: `upTo` is past the chronology's last entry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("{id}/bundle")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    public ConcernViews.Bundle bundle(@PathParam("id") UUID id,
                                      @QueryParam("upTo") @Min(value = 1, message = "must be 1 or more") Integer upTo) {
        return ConcernViews.Bundle.of(bundles.produce(reader(), id, upTo, MediaType.APPLICATION_JSON, role()));
    }

    /** The same bundle as a PDF: every page's footer carries the digest and "page x of y". */
    @Operation(operationId = "produceConcernBundle", summary = "Produce the court and council bundle of a concern (the export is logged and recorded in the chronology)")
    @APIResponse(responseCode = "200", description = "The bundle as a PDF",
            content = @Content(mediaType = BundlePdf.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("{id}/bundle")
    @Produces(BundlePdf.MEDIA_TYPE + ";qs=0.5") // JSON unless the PDF is asked for
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    public Response bundlePdf(@PathParam("id") UUID id,
                              @QueryParam("upTo") @Min(value = 1, message = "must be 1 or more") Integer upTo) {
        ConcernBundles.Bundle bundle = bundles.produce(reader(), id, upTo, BundlePdf.MEDIA_TYPE, role());
        return Response.ok(BundlePdf.render(bundle), BundlePdf.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + bundle.content().concern().reference() + "-bundle.pdf\"")
                .build();
    }

    private Detail detail(Concern c) {
        return Detail.of(c, register.narrative(c));
    }

    private Reader reader() {
        return readers.reader();
    }

    private String role() {
        return readers.role();
    }
}
