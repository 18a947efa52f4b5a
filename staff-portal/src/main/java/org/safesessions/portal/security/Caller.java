package org.safesessions.portal.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** Who is signed in, as the ID token says; templates read it as {inject:caller.…}. Only decides what to show. */
@RequestScoped
@io.quarkus.qute.TemplateData
@Named("caller")
public class Caller {

    public static final String YOUTH_WORKER = "youth-worker";
    public static final String COORDINATOR = "coordinator";
    public static final String SAFEGUARDING_LEAD = "safeguarding-lead";
    public static final String MANAGER = "manager";

    @Inject
    SecurityIdentity identity;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String userName() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("preferred_username") != null) {
            return token.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }

    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("name") != null) {
            return token.getClaim("name").toString();
        }
        return userName();
    }

    public String organisation() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("org") != null) {
            return token.getClaim("org").toString();
        }
        return null;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean youthWorker() {
        return identity.hasRole(YOUTH_WORKER);
    }

    public boolean coordinator() {
        return identity.hasRole(COORDINATOR);
    }

    public boolean safeguardingLead() {
        return identity.hasRole(SAFEGUARDING_LEAD);
    }

    public boolean manager() {
        return identity.hasRole(MANAGER);
    }

    /** Registers young people and records consents (SPEC §2). */
    public boolean managesYoungPeople() {
        return coordinator() || safeguardingLead() || manager();
    }

    /** Books, changes and cancels sessions. */
    public boolean booksSessions() {
        return coordinator() || manager();
    }

    /** Sees the sessions they lead, the checklist and attendance. */
    public boolean leadsSessions() {
        return youthWorker() || coordinator() || manager();
    }

    /** Reads the access logs and tracks subject access requests (SPEC §2: safeguarding leads and managers). */
    public boolean readsAccessLogs() {
        return safeguardingLead() || manager();
    }

    public String roleNames() {
        return String.join(", ", identity.getRoles().stream()
                .filter(r -> Set.of(YOUTH_WORKER, COORDINATOR, SAFEGUARDING_LEAD, MANAGER).contains(r))
                .map(r -> r.replace('-', ' '))
                .sorted().toList());
    }
}
