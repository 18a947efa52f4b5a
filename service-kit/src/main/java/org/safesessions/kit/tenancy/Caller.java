package org.safesessions.kit.tenancy;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, from the validated token: their organisation (the {@code org} claim: every record belongs to
 * one, and no caller reaches another's), their user id and roles, and for partner councils the {@code council} claim.
 */
@RequestScoped
public class Caller {

    public static final String ORG_CLAIM = "org";
    public static final String COUNCIL_CLAIM = "council";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The caller's organisation; a staff token without one is refused. */
    public String organisation() {
        return claim(ORG_CLAIM).orElseThrow(() -> new ForbiddenException("token carries no organisation"));
    }

    /** The local authority code of a partner-council client. */
    public String council() {
        return claim(COUNCIL_CLAIM).orElseThrow(() -> new ForbiddenException("token carries no council"));
    }

    /**
     * The caller's Keycloak user id (the token's subject): how a member of staff is recognised, e.g. as a session's
     * facilitator (SPEC §2 "Staff identity"), never by a name typed into a request.
     */
    public String userId() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > 64) {
            throw new ForbiddenException("token carries no subject");
        }
        return subject;
    }

    /** The token's subject where there is one (for records that name the caller, e.g. who ended a session). */
    public Optional<String> userIdIfAny() {
        String subject = token.getSubject();
        return subject == null || subject.isBlank() || subject.length() > 64 ? Optional.empty() : Optional.of(subject);
    }

    /** The login name, for records people read (e.g. "recorded by coord-a"). */
    public String userName() {
        Object preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred.toString() : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** A single short string claim; several values (or an absurd one) are refused, never guessed between. */
    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            value = identity.getAttribute(name);
        }
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof jakarta.json.JsonString json) {
            value = json.getString();
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > 64) {
            throw new ForbiddenException("token's " + name + " claim is not a single value");
        }
        return Optional.of(text);
    }
}
