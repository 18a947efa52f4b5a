package org.safesessions.notification.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.safesessions.kit.problem.NotFoundProblem;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.notification.staff.StaffDirectory;
import org.safesessions.notification.staff.StaffMember;
import org.safesessions.notification.staff.StaffRole;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The staff directory of the caller's organisation, kept by its managers. */
@Path("/staff")
@RolesAllowed(Roles.MANAGER)
public class StaffResource {

    static final String USER_NAME = "[a-z0-9][a-z0-9._@-]{0,63}";

    @Inject
    Caller caller;

    @Inject
    StaffDirectory directory;

    @Inject
    Clock clock;

    public record StaffView(UUID id, String userName, String displayName, String email, String phone,
                            Set<StaffRole> roles, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static StaffView of(StaffMember s) {
            return new StaffView(s.id, s.userName, s.displayName, s.email, s.phone, Set.copyOf(s.roles), s.createdAt,
                    s.updatedAt);
        }
    }

    public record StaffEntry(
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9 ]{7,20}", message = "must be a phone number") String phone,
            @NotNull @NotEmpty Set<@NotNull StaffRole> roles) {
    }

    @GET
    public Page<StaffView> list(@Valid @BeanParam PageRequest page) {
        var query = StaffMember.<StaffMember>find("organisation", Sort.descending("createdAt").and("userName"),
                caller.organisation());
        return new Page<>(query.page(page.page, page.size).list(), page.page, page.size, query.count())
                .map(StaffView::of);
    }

    @GET
    @Path("{userName}")
    public StaffView get(@PathParam("userName") String userName) {
        return StaffView.of(find(userName));
    }

    /** Adds a staff member under their user name, or replaces their entry: 201 when new, 200 when replaced. */
    @PUT
    @Path("{userName}")
    @Transactional
    public Response put(@PathParam("userName") @Pattern(regexp = USER_NAME, message = "must be a user name") String userName,
                        @Valid @NotNull StaffEntry entry) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        StaffMember staff = directory.find(caller.organisation(), userName).orElse(null);
        boolean created = staff == null;
        if (created) {
            staff = new StaffMember();
            staff.id = UUID.randomUUID();
            staff.organisation = caller.organisation();
            staff.userName = userName;
            staff.createdAt = now;
        }
        staff.displayName = entry.displayName().strip();
        staff.email = blankToNull(entry.email());
        staff.phone = blankToNull(entry.phone());
        staff.roles = EnumSet.copyOf(entry.roles());
        staff.updatedAt = now;
        if (created) {
            staff.persist();
        }
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(StaffView.of(staff)).build();
    }

    @DELETE
    @Path("{userName}")
    @Transactional
    public Response remove(@PathParam("userName") String userName) {
        find(userName).delete();
        return Response.noContent().build();
    }

    private StaffMember find(String userName) {
        return directory.find(caller.organisation(), userName).orElseThrow(() -> new NotFoundProblem("staff member"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
