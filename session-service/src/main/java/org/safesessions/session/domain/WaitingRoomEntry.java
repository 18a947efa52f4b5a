package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone in a session's Zoom waiting room, as Zoom's webhooks tell it: who they turned out to be (an invited young
 * person, a facilitator, or nobody expected), the name they typed into Zoom (kept here only, for the facilitators'
 * view), and when they started waiting, were admitted or left.
 */
@Entity
@Table(name = "waiting_room_entry")
public class WaitingRoomEntry extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "young_person_id")
    public UUID youngPersonId;

    @Column(name = "facilitator_id")
    public String facilitatorId;

    public String facilitator;

    @Column(name = "waiting_since", nullable = false)
    public OffsetDateTime waitingSince;

    @Column(name = "admitted_at")
    public OffsetDateTime admittedAt;

    @Column(name = "left_at")
    public OffsetDateTime leftAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "session_id")
        public UUID sessionId;
        @Column(name = "participant_ref")
        public String participantRef;

        public Key() {
        }

        public Key(UUID sessionId, String participantRef) {
            this.sessionId = sessionId;
            this.participantRef = participantRef;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sessionId.equals(sessionId) && k.participantRef.equals(participantRef);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, participantRef);
        }
    }

    /** Neither an invited young person nor a facilitator: the facilitators are alerted before anyone admits them. */
    public boolean unknown() {
        return youngPersonId == null && facilitatorId == null && facilitator == null;
    }

    /** Still waiting: neither admitted nor gone. */
    public boolean waiting() {
        return admittedAt == null && leftAt == null;
    }

    public static Optional<WaitingRoomEntry> of(UUID sessionId, String participantRef) {
        return Optional.ofNullable(findById(new Key(sessionId, participantRef)));
    }

    public static List<WaitingRoomEntry> ofSession(UUID sessionId) {
        return list("key.sessionId = ?1 order by waitingSince", sessionId);
    }

    /** A person started waiting (again: a participant put back in the waiting room waits anew). */
    public static WaitingRoomEntry arrived(UUID sessionId, String participantRef, String displayName, OffsetDateTime at) {
        WaitingRoomEntry entry = of(sessionId, participantRef).orElseGet(() -> {
            WaitingRoomEntry created = new WaitingRoomEntry();
            created.key = new Key(sessionId, participantRef);
            return created;
        });
        entry.displayName = displayName == null ? null : displayName.substring(0, Math.min(200, displayName.length()));
        entry.waitingSince = at;
        entry.admittedAt = null;
        entry.leftAt = null;
        entry.persist();
        return entry;
    }

    public void admitted(OffsetDateTime at) {
        if (admittedAt == null) {
            admittedAt = at;
        }
    }

    public void left(OffsetDateTime at) {
        if (leftAt == null && admittedAt == null) {
            leftAt = at;
        }
    }
}
