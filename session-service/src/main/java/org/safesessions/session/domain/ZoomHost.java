package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One licensed Zoom host user in an organisation's pool (SPEC §4): every meeting belongs to one, and a host runs
 * one meeting at a time. Named as Zoom names users in paths: a user id or an email address.
 */
@Entity
@Table(name = "zoom_host")
public class ZoomHost extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public int position;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Embeddable
    public static class Key implements Serializable {
        public String organisation;
        @Column(name = "user_id")
        public String userId;

        public Key() {
        }

        public Key(String organisation, String userId) {
            this.organisation = organisation;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.organisation.equals(organisation) && k.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisation, userId);
        }
    }

    /** The organisation's pool as a manager set it, in their order; empty when never set. */
    public static List<String> poolOf(String organisation) {
        List<ZoomHost> hosts = list("key.organisation = ?1 order by position", organisation);
        return hosts.stream().map(h -> h.key.userId).toList();
    }

    /**
     * The hosts of {@code userIds} that would enter the organisation's usable pool: those it does not hold as a
     * manager set it (every one while it runs on the default pool), and those set aside for drifted settings.
     */
    public static List<String> entering(String organisation, List<String> userIds) {
        java.util.Set<String> usable = new java.util.HashSet<>(poolOf(organisation));
        usable.removeAll(ZoomHostDrift.hostsOf(organisation));
        return userIds.stream().filter(userId -> !usable.contains(userId)).toList();
    }

    /**
     * Replaces the organisation's pool. Sessions keep the host they were given; new ones choose from this pool.
     * A host named again is no longer set aside for drifted settings: they are enforced before its next meeting.
     */
    public static List<String> replacePool(String organisation, List<String> userIds, String by, OffsetDateTime now) {
        // the same per-organisation lock a host choice takes: two managers saving at once replace the pool one after
        // the other (not a duplicate key), and a booking never sees a half-replaced pool
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, ZoomHostChoice.LOCK_PREFIX + organisation).getSingleResult();
        delete("key.organisation", organisation);
        ZoomHostDrift.cleared(organisation, userIds);
        getEntityManager().flush();
        List<String> pool = new ArrayList<>();
        for (String userId : userIds) {
            ZoomHost host = new ZoomHost();
            host.key = new Key(organisation, userId);
            host.position = pool.size();
            host.addedAt = now;
            host.addedBy = by;
            host.persist();
            pool.add(userId);
        }
        return pool;
    }
}
