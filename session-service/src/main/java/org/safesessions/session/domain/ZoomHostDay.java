package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Meetings created or updated for one Zoom host in one UTC day: Zoom allows a host 100 (then 429 until 00:00 UTC). */
@Entity
@Table(name = "zoom_host_day")
public class ZoomHostDay extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public int meetings;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "user_id")
        public String userId;
        public LocalDate day;

        public Key() {
        }

        public Key(String userId, LocalDate day) {
            this.userId = userId;
            this.day = day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userId.equals(userId) && k.day.equals(day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, day);
        }
    }

    /** Zoom created or updated a meeting of {@code userId} on {@code day} (UTC). */
    public static void count(String userId, LocalDate day) {
        getEntityManager().createNativeQuery("""
                insert into zoom_host_day (user_id, day, meetings) values (?1, ?2, 1)
                on conflict (user_id, day) do update set meetings = zoom_host_day.meetings + 1""")
                .setParameter(1, userId).setParameter(2, day).executeUpdate();
    }

    /** Meetings created or updated on {@code day} per host, for these hosts (absent: none). */
    public static Map<String, Integer> on(LocalDate day, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<ZoomHostDay> rows = list("key.day = ?1 and key.userId in ?2", day, userIds);
        return rows.stream().collect(Collectors.toMap(r -> r.key.userId, r -> r.meetings));
    }
}
