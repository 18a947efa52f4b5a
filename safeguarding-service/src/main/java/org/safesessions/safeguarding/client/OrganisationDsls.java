package org.safesessions.safeguarding.client;

import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.kit.tenancy.Roles;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Keycloak ids of an organisation's DSLs, read from the staff directory once, when a manager's reach first
 * needs them (SPEC §5: the managers handle an allegation no DSL other than its subject can). Keycloak away: the
 * directory's 503, never a guess.
 */
public final class OrganisationDsls implements Supplier<Set<String>> {

    private final StaffDirectory staff;
    private final String organisation;
    private Set<String> read;

    public OrganisationDsls(StaffDirectory staff, String organisation) {
        this.staff = staff;
        this.organisation = organisation;
    }

    @Override
    public Set<String> get() {
        if (read == null) {
            read = staff.withRole(organisation, Roles.SAFEGUARDING_LEAD).stream().map(StaffMember::id)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return read;
    }
}
