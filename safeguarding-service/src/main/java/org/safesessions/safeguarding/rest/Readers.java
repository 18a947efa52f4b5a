package org.safesessions.safeguarding.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.safeguarding.client.OrganisationDsls;
import org.safesessions.safeguarding.domain.Reader;

/** The calling member of staff as a {@link Reader} (what they may see), and the role their reads are logged under. */
@RequestScoped
class Readers {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    StaffDirectory staff;

    Reader reader() {
        String organisation = caller.organisation();
        return new Reader(organisation, caller.userName(), callerId(), Reader.reachOf(caller::hasRole),
                new OrganisationDsls(staff, organisation));
    }

    /** The caller's Keycloak user id: the token's subject (none: the reader sees no allegation at all). */
    private String callerId() {
        String subject = token.getSubject();
        return subject == null || subject.isBlank() ? null : subject;
    }

    /** The role a read is logged under: the one that gave the caller access. */
    String role() {
        for (String r : new String[]{Roles.SAFEGUARDING_LEAD, Roles.MANAGER, Roles.COORDINATOR, Roles.YOUTH_WORKER}) {
            if (caller.hasRole(r)) {
                return r;
            }
        }
        return "unknown";
    }
}
