package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.session.domain.Facilitators;

import java.util.Comparator;
import java.util.List;

/**
 * The staff a coordinator may pick as a session's facilitators: exactly those booking accepts
 * ({@link Facilitators#eligible}, the same rule as {@code facilitator-must-be-staff-of-organisation}), read from the
 * staff directory (Keycloak) at the time of asking, so the picker never offers someone booking would refuse.
 */
@ApplicationScoped
public class FacilitatorChoices {

    private static final Comparator<StaffMember> BY_DISPLAY_NAME = Comparator
            .comparing(StaffMember::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(StaffMember::displayName)
            .thenComparing(StaffMember::userName);

    @Inject
    Facilitators facilitators;

    /** The organisation's staff who may lead a session, by display name then user name. */
    public List<StaffMember> of(String organisation) {
        return facilitators.eligible(organisation).stream().sorted(BY_DISPLAY_NAME).toList();
    }
}
