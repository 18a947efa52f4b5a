package org.safesessions.safeguarding.domain;

import org.safesessions.kit.tenancy.Roles;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may see which concerns (SPEC §2, §5): youth workers and coordinators only those they raised, as a summary;
 * DSLs all of their organisation's; managers all but allegations against staff, except the allegations no DSL other
 * than their subject can handle (then the managers handle them). Whatever the role, an allegation is never visible
 * to the member of staff it is about: recognised by Keycloak user id ({@code userId}, the token's subject), never by
 * a typed name. A reader without a user id sees no allegation at all, since nobody can tell it is not about them.
 * Anything a reader may not see answers 404, like a missing one.
 *
 * @param organisationDsls for managers: the Keycloak ids of the organisation's DSLs, read when first needed (it
 *                         decides which allegations the managers handle); unused for other reaches
 */
public record Reader(String organisation, String userName, String userId, Reach reach,
                     Supplier<Set<String>> organisationDsls) {

    public enum Reach {
        /** Youth workers and coordinators: the concerns they raised, as a summary. */
        OWN_SUMMARY,
        /** Managers: the organisation's concerns except allegations against staff that a DSL handles. */
        ALL_BUT_STAFF_ALLEGATIONS,
        /** DSLs: every concern of the organisation. */
        ALL
    }

    /** A reader whose organisation's DSLs do not matter to what it sees (every reach but a manager's). */
    public Reader(String organisation, String userName, String userId, Reach reach) {
        this(organisation, userName, userId, reach, Set::of);
    }

    /** The widest reach the caller's roles give. */
    public static Reach reachOf(java.util.function.Predicate<String> hasRole) {
        if (hasRole.test(Roles.SAFEGUARDING_LEAD)) {
            return Reach.ALL;
        }
        if (hasRole.test(Roles.MANAGER)) {
            return Reach.ALL_BUT_STAFF_ALLEGATIONS;
        }
        return Reach.OWN_SUMMARY;
    }

    public boolean canSee(Concern concern) {
        if (!concern.organisation.equals(organisation) || mightBeAbout(concern)) {
            return false;
        }
        return switch (reach) {
            case ALL -> true;
            case ALL_BUT_STAFF_ALLEGATIONS -> !concern.isStaffAllegation()
                    || concern.handledByManagers(organisationDsls.get());
            case OWN_SUMMARY -> concern.raisedBy.equals(userName);
        };
    }

    /** Whether the concern is (or, without a user id to compare, could be) an allegation about this reader. */
    public boolean mightBeAbout(Concern concern) {
        return concern.isStaffAllegation() && (userId == null || concern.isAbout(userId, userName));
    }

    public boolean seesFullRecord() {
        return reach != Reach.OWN_SUMMARY;
    }
}
