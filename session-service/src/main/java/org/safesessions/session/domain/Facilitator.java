package org.safesessions.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.safesessions.kit.staff.StaffMember;

import java.util.Objects;

/**
 * A member of staff leading a session: their Keycloak user id, and their canonical (lower-case) user name beside
 * it for people to read. Rows from before ids were kept have only the name ({@code userId} null).
 */
@Embeddable
public class Facilitator implements Comparable<Facilitator> {

    @Column(name = "user_id")
    public String userId;

    @Column(name = "user_name", nullable = false)
    public String userName;

    protected Facilitator() {
    }

    public static Facilitator of(StaffMember member) {
        Facilitator facilitator = new Facilitator();
        facilitator.userId = member.id();
        facilitator.userName = member.userName();
        return facilitator;
    }

    /** This member of staff, recognised by the token's subject (or, for a row without id, by user name). */
    public boolean is(String keycloakUserId, String canonicalUserName) {
        return userId != null ? userId.equals(keycloakUserId) : userName.equals(canonicalUserName);
    }

    @Override
    public int compareTo(Facilitator other) {
        return userName.compareTo(other.userName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facilitator f && Objects.equals(userId, f.userId) && userName.equals(f.userName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, userName);
    }
}
