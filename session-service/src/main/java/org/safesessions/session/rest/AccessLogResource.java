package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.kit.audit.AccessLogFilter;
import org.safesessions.kit.audit.AccessLogView;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;

import java.util.List;

/**
 * The access log of session data (SPEC §3: who read, listed or changed a session, an invitation, a young person's
 * join details or the attendance report; an invitation's entries under the young person it is about), for
 * safeguarding leads and managers (SPEC §2). Under {@code /sessions}, since the public host routes
 * {@code /access-log} to consent-service.
 */
@Path("/sessions/access-log")
public class AccessLogResource {

    @Inject
    AccessLog log;

    @Inject
    Caller caller;

    /** The shape of a page of entries, named for the OpenAPI document. */
    @Schema(name = "AccessLogPage", requiredProperties = {"items", "page", "size", "total"})
    public record AccessLogPage(List<AccessLogView> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "readAccessLog", summary = "Query who read, listed or changed sessions, invitations, join details and attendance, newest first",
            description = "recordId: a session, or a young person (every entry about them); user: a user name in any case; from (inclusive) and to (exclusive): ISO-8601 with offset, URL-encode a +.")
    @APIResponse(responseCode = "200", description = "one page of entries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccessLogPage.class)))
    @APIResponse(responseCode = "400", description = "a query parameter is invalid (each named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AccessLogView> query(@Valid @BeanParam AccessLogFilter filter, @Valid @BeanParam PageRequest page) {
        return log.query(caller.organisation(), filter, page.page, page.size).map(AccessLogView::of);
    }
}
