package org.safesessions.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.domain.StaffContact.PreferredChannel;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.notification.domain.StaffRole;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisation's staff as this service tells them things. Who they are (name, email, roles) is Keycloak's, read
 * through the kit's staff directory and never edited here; a manager keeps only what Keycloak does not hold: a phone
 * number, the channel they prefer for non-urgent messages, and whether those wait for the end of quiet hours. A user
 * name that is not an enabled member of staff of the caller's organisation (made up, another organisation's, disabled)
 * is 404, like a missing one. Keycloak away: 503 with Retry-After.
 */
@Path("/staff")
@RolesAllowed(org.safesessions.kit.tenancy.Roles.MANAGER)
public class StaffResource {

    @Inject
    Caller caller;

    @Inject
    StaffDirectory directory;

    @Inject
    Time time;

    /** A member of staff: Keycloak's id, canonical user name, name, email and roles, beside this service's contacts. */
    public record StaffView(String id, String userName, String displayName, String email, Set<StaffRole> roles,
                            String phone, PreferredChannel preferredChannel, boolean quietHours,
                            OffsetDateTime contactUpdatedAt) {
        static StaffView of(StaffMember m, StaffContact c) {
            Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
            m.roles().forEach(r -> StaffRole.ofRealmRole(r).ifPresent(roles::add));
            return new StaffView(m.id(), m.userName(), m.displayName(), m.email(), roles,
                    c != null ? c.phone : null, c != null ? c.preferredChannel : PreferredChannel.EMAIL,
                    c != null && c.quietHours, c != null ? c.updatedAt : null);
        }
    }

    /** What a manager may set: everything Keycloak does not hold. Absent fields are cleared to their defaults. */
    public record ContactEntry(
            @Pattern(regexp = "\\+?[0-9 ]{7,20}", message = "must be a phone number") String phone,
            PreferredChannel preferredChannel,
            Boolean quietHours) {
    }

    @GET
    public Page<StaffView> list(@Valid @BeanParam PageRequest page) {
        String org = caller.organisation();
        Map<String, StaffMember> staff = new LinkedHashMap<>();
        for (StaffRole role : StaffRole.values()) {
            directory.withRole(org, role.realmRole()).forEach(m -> staff.putIfAbsent(m.id(), m));
        }
        List<StaffMember> sorted = staff.values().stream().sorted(Comparator.comparing(StaffMember::userName)).toList();
        List<StaffView> items = sorted.stream().skip((long) page.page * page.size).limit(page.size)
                .map(m -> StaffView.of(m, StaffContact.of(org, m.id()).orElse(null))).toList();
        return new Page<>(items, page.page, page.size, sorted.size());
    }

    @GET
    @Path("{userName}")
    public StaffView get(@PathParam("userName") String userName) {
        StaffMember member = member(userName);
        return StaffView.of(member, StaffContact.of(member.organisation(), member.id()).orElse(null));
    }

    /** Sets the member's contacts: 201 the first time, 200 when replaced. */
    @PUT
    @Path("{userName}")
    @Transactional
    public Response put(@PathParam("userName") String userName, @Valid @NotNull ContactEntry entry) {
        StaffMember member = member(userName);
        StaffContact contact = StaffContact.of(member.organisation(), member.id()).orElse(null);
        boolean created = contact == null;
        if (created) {
            contact = new StaffContact();
            contact.organisation = member.organisation();
            contact.userId = member.id();
        }
        contact.phone = entry.phone() == null || entry.phone().isBlank() ? null : entry.phone().strip();
        contact.preferredChannel = entry.preferredChannel() != null ? entry.preferredChannel() : PreferredChannel.EMAIL;
        contact.quietHours = Boolean.TRUE.equals(entry.quietHours());
        contact.updatedBy = caller.userName();
        contact.updatedAt = time.now();
        if (created) {
            contact.persist();
        }
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(StaffView.of(member, contact)).build();
    }

    /** Forgets the member's contacts (they stay staff: that is Keycloak's to say). */
    @DELETE
    @Path("{userName}")
    @Transactional
    public Response remove(@PathParam("userName") String userName) {
        StaffMember member = member(userName);
        StaffContact.delete("organisation = ?1 and userId = ?2", member.organisation(), member.id());
        return Response.noContent().build();
    }

    private StaffMember member(String userName) {
        return directory.byUserName(caller.organisation(), userName)
                .orElseThrow(() -> new RecordNotFoundException("staff member"));
    }
}
