package org.safesessions.consent.domain;

import org.safesessions.kit.tenancy.Roles;

import java.util.List;
import java.util.function.Predicate;

/**
 * What of a young person's record a member of staff sees (SPEC §2). The roles that manage consent (coordinator,
 * safeguarding lead, manager) see contact details (the young person's email, the guardians) and the reasons given
 * for withdrawals; youth workers see consent status, not contact details or reasons.
 */
public record Visibility(boolean contactDetails, boolean withdrawalReasons) {

    /** Everything held: what a subject access export contains. */
    public static final Visibility EVERYTHING = new Visibility(true, true);

    private static final List<String> MANAGE_CONSENT = List.of(Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER);

    /** What a caller holding the roles {@code hasRole} admits sees. */
    public static Visibility forRoles(Predicate<String> hasRole) {
        boolean managesConsent = MANAGE_CONSENT.stream().anyMatch(hasRole);
        return new Visibility(managesConsent, managesConsent);
    }
}
