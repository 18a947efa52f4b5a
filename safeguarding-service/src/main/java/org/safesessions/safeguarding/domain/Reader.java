package org.safesessions.safeguarding.domain;

import org.safesessions.kit.tenancy.Roles;

/**
 * Who may see which concerns (SPEC §2): youth workers and coordinators only those they raised, as a summary; DSLs
 * all of their organisation's; managers all but allegations against staff. Whatever the role, an allegation is
 * never visible to the member of staff it is about. Anything a reader may not see answers 404, like a missing one.
 */
public record Reader(String organisation, String userName, Reach reach) {

    public enum Reach {
        /** Youth workers and coordinators: the concerns they raised, as a summary. */
        OWN_SUMMARY,
        /** Managers: the organisation's concerns except allegations against staff. */
        ALL_BUT_STAFF_ALLEGATIONS,
        /** DSLs: every concern of the organisation. */
        ALL
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
        if (!concern.organisation.equals(organisation) || concern.isAbout(userName)) {
            return false;
        }
        return switch (reach) {
            case ALL -> true;
            case ALL_BUT_STAFF_ALLEGATIONS -> !concern.isStaffAllegation();
            case OWN_SUMMARY -> concern.raisedBy.equals(userName);
        };
    }

    public boolean seesFullRecord() {
        return reach != Reach.OWN_SUMMARY;
    }
}
