package org.safesessions.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.staff.StaffDirectoryUnavailableException;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.kit.tenancy.Roles;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may lead a session, from the staff directory (Keycloak), never from the string a request typed: an enabled
 * member of staff of the session's own organisation whose role may lead sessions (SPEC §2: youth workers,
 * coordinators, managers). One person named in several spellings is one facilitator.
 */
@ApplicationScoped
public class Facilitators {

    public static final String MUST_BE_STAFF = "facilitator-must-be-staff-of-organisation";
    /** The roles of SPEC §2 that "see sessions they lead, record attendance, checklist". */
    public static final Set<String> MAY_LEAD = Set.of(Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER);

    @Inject
    StaffDirectory directory;

    /**
     * The members of staff the typed user names name, each once. Any that is not an enabled member of the
     * organisation's staff with a leading role: 422 {@value #MUST_BE_STAFF}. Keycloak away: 503 (the directory says so).
     */
    public List<StaffMember> resolve(String organisation, Collection<String> userNames) {
        Map<String, StaffMember> byId = new LinkedHashMap<>();
        for (String typed : userNames) {
            StaffMember member = directory.byUserName(organisation, typed)
                    .filter(Facilitators::mayLead)
                    .orElseThrow(() -> new RuleViolationException(MUST_BE_STAFF, "every facilitator must be an "
                            + "enabled member of the organisation's staff whose role may lead sessions"));
            byId.putIfAbsent(member.id(), member);
        }
        return List.copyOf(byId.values());
    }

    /**
     * Everyone {@link #resolve} accepts for {@code organisation}: its enabled staff (the directory's roster) holding a
     * role that may lead sessions, each once, in no particular order. Keycloak away: 503 (the directory says so).
     */
    public List<StaffMember> eligible(String organisation) {
        Map<String, StaffMember> byId = new LinkedHashMap<>();
        for (String role : MAY_LEAD) {
            for (StaffMember member : directory.withRole(organisation, role)) {
                byId.putIfAbsent(member.id(), member);
            }
        }
        return List.copyOf(byId.values());
    }

    /** Whether this member of staff's roles let them lead a session: the one test {@link #resolve} and {@link #eligible} share. */
    public static boolean mayLead(StaffMember member) {
        return member.roles().stream().anyMatch(MAY_LEAD::contains);
    }

    /**
     * The session's facilitator who joined Zoom with this email, if any: their organisation address (as
     * Keycloak holds it) or {@code <user name>@<staff domain>}. With Keycloak away only the second is known, so a
     * facilitator may then look unknown: a false alarm, never a stranger let through.
     */
    public Optional<Facilitator> joinedAs(Session session, String email, String staffEmailDomain) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        for (Facilitator f : session.facilitators) {
            if (address.equals(f.userName + "@" + staffEmailDomain.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        try {
            for (Facilitator f : session.facilitators) {
                Optional<StaffMember> member = f.userId != null ? directory.byId(session.organisation, f.userId)
                        : directory.byUserName(session.organisation, f.userName);
                if (member.map(StaffMember::email).filter(address::equalsIgnoreCase).isPresent()) {
                    return Optional.of(f);
                }
            }
        } catch (StaffDirectoryUnavailableException e) {
            // cannot tell: the participant stays unknown, and the facilitators are alerted
        }
        return Optional.empty();
    }
}
