package org.safesessions.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.notification.application.Listed;
import org.safesessions.notification.application.Staff;
import org.safesessions.notification.domain.StaffContact.PreferredChannel;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.notification.domain.StaffRole;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The organisation's staff as this service tells them things. Who they are (name, email, roles) is Keycloak's, read
 * through the kit's staff directory and never edited here; a manager keeps only what Keycloak does not hold: a phone
 * number, the channel they prefer for non-urgent messages, and whether those wait for the end of quiet hours. A user
 * name that is not an enabled member of staff of the caller's organisation (made up, another organisation's, disabled)
 * is 404, like a missing one. Keycloak away: 503 with Retry-After.
 */
@Path("/staff")
@RolesAllowed(Roles.MANAGER)
public class StaffResource {

    @Inject
    Staff staff;

    /** A member of staff: Keycloak's id, canonical user name, name, email and roles, beside this service's contacts. */
    @Schema(name = "StaffView", requiredProperties = {"id", "userName", "roles", "preferredChannel", "quietHours"})
    public record StaffView(String id, String userName, String displayName, String email, Set<StaffRole> roles,
                            String phone, PreferredChannel preferredChannel, boolean quietHours,
                            OffsetDateTime contactUpdatedAt) {
        static StaffView of(Staff.Member member) {
            var m = member.member();
            StaffContact c = member.contact();
            Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
            m.roles().forEach(r -> StaffRole.ofRealmRole(r).ifPresent(roles::add));
            return new StaffView(m.id(), m.userName(), m.displayName(), m.email(), roles,
                    c != null ? c.phone : null, c != null ? c.preferredChannel : PreferredChannel.EMAIL,
                    c != null && c.quietHours, c != null ? c.updatedAt : null);
        }
    }

    /** What a manager may set: everything Keycloak does not hold. Absent fields are cleared to their defaults. */
    @Schema(name = "ContactEntry")
    public record ContactEntry(
            @Pattern(regexp = "\\+?[0-9 ]{7,20}", message = "must be a phone number") String phone,
            PreferredChannel preferredChannel,
            Boolean quietHours) {
    }

    @GET
    @Operation(operationId = "listStaff", summary = "List the organisation's staff as Keycloak knows them, with their contacts")
    @APIResponse(responseCode = "200", description = "One page of staff, by user name")
    @APIResponse(responseCode = "400", description = "A paging parameter out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<StaffView> list(@Valid @BeanParam PageRequest page) {
        Listed<Staff.Member> listed = staff.list(page.page, page.size);
        return new Page<>(listed.items(), page.page, page.size, listed.total()).map(StaffView::of);
    }

    @GET
    @Path("{userName}")
    @Operation(operationId = "getStaffMember", summary = "Read one member of staff, the user name in any case")
    @APIResponse(responseCode = "200", description = "The member of staff and their contacts")
    @APIResponse(responseCode = "404", description = "Not an enabled member of staff of the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StaffView get(@PathParam("userName") String userName) {
        return StaffView.of(staff.get(userName));
    }

    /** Sets the member's contacts: 201 the first time, 200 when replaced. */
    @PUT
    @Path("{userName}")
    @Operation(operationId = "setStaffContacts",
            summary = "Set a member of staff's phone, preferred channel and quiet hours")
    @APIResponse(responseCode = "200", description = "Their contacts, replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "201", description = "Their contacts, set for the first time",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (e.g. `phone` not a phone number), or no body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not an enabled member of staff of the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("userName") String userName, @Valid @NotNull ContactEntry entry) {
        Staff.Changed changed = staff.change(new Staff.ChangeContacts(userName, entry.phone(), entry.preferredChannel(),
                entry.quietHours()));
        return Response.status(changed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(StaffView.of(changed.member())).build();
    }

    /** Forgets the member's contacts (they stay staff: that is Keycloak's to say). */
    @DELETE
    @Path("{userName}")
    @Operation(operationId = "forgetStaffContacts",
            summary = "Forget a member of staff's phone and preferences (they stay staff)")
    @APIResponse(responseCode = "204", description = "Forgotten")
    @APIResponse(responseCode = "404", description = "Not an enabled member of staff of the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response remove(@PathParam("userName") String userName) {
        staff.forget(userName);
        return Response.noContent().build();
    }
}
