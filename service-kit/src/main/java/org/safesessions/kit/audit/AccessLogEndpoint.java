package org.safesessions.kit.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;

import java.util.List;

/**
 * The query of a service's access log, for safeguarding leads and managers (SPEC §2, §3): the same operation in every
 * service, only its path differs. A service serves it with a subclass that names the path and says in its Javadoc
 * which records its log holds:
 * <pre>{@code
 * @Path("/sessions/access-log")
 * public class AccessLogResource extends AccessLogEndpoint {
 * }
 * }</pre>
 * Entries of the caller's organisation only, newest first; a record id also matches the entries about that person.
 */
public abstract class AccessLogEndpoint {

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
    @Operation(operationId = "readAccessLog", summary = "Query who read, listed, exported or changed this service's personal data, newest first",
            description = "recordId: a record, or a young person (every entry about them); user: a user name in any case; from (inclusive) and to (exclusive): ISO-8601 with offset, URL-encode a +.")
    @APIResponse(responseCode = "200", description = "one page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessLogPage.class)))
    @APIResponse(responseCode = "400", description = "a query parameter is invalid (each named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AccessLogView> query(@Valid @BeanParam AccessLogFilter filter, @Valid @BeanParam PageRequest page) {
        return log.query(caller.organisation(), filter, page.page, page.size).map(AccessLogView::of);
    }
}
