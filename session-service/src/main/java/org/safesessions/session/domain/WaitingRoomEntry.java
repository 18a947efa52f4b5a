package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.safesessions.kit.crypto.Sealed;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Someone in a session's Zoom waiting room, as Zoom's webhooks tell it: who they turned out to be (an invited young
 * person, a facilitator, or nobody expected), the name they typed into Zoom (kept here only, sealed, for the
 * facilitators' view: see {@link MeetingSecrets}), and when they started waiting, were admitted or left. Entries go
 * 30 days after their session ended ({@code application.WaitingRoomNames}).
 */
@Entity
@Table(name = "waiting_room_entry")
public class WaitingRoomEntry extends PanacheEntityBase {

    static final int NAME_LENGTH = 200;

    @EmbeddedId
    public Key key;

    /** The name typed into Zoom, sealed with the key {@link #displayNameKey}, bound to this entry. */
    @Column(name = "display_name_sealed")
    public byte[] displayNameSealed;

    @Column(name = "display_name_key")
    public String displayNameKey;

    /** Only in rows from before V13, until the sealing pass seals the name and empties this. */
    @Column(name = "display_name")
    public String plainDisplayName;

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

    /** The part of a typed name that is kept: its first {@value #NAME_LENGTH} characters. */
    public static String asKept(String typedName) {
        return typedName == null ? null : typedName.substring(0, Math.min(NAME_LENGTH, typedName.length()));
    }

    /**
     * A person started waiting (again: a participant put back in the waiting room waits anew), with the name they
     * typed (see {@link #asKept}) sealed for this entry by {@code sealName}.
     */
    public static WaitingRoomEntry arrived(UUID sessionId, String participantRef, String typedName,
                                           BiFunction<Key, String, Sealed> sealName, OffsetDateTime at) {
        WaitingRoomEntry entry = of(sessionId, participantRef).orElseGet(() -> {
            WaitingRoomEntry created = new WaitingRoomEntry();
            created.key = new Key(sessionId, participantRef);
            return created;
        });
        entry.name(typedName == null ? null : sealName.apply(entry.key, asKept(typedName)));
        entry.waitingSince = at;
        entry.admittedAt = null;
        entry.leftAt = null;
        entry.persist();
        return entry;
    }

    /** The sealed name replaces whatever was kept before (a plain name from before V13 included). */
    public void name(Sealed sealed) {
        displayNameKey = sealed == null ? null : sealed.keyId();
        displayNameSealed = sealed == null ? null : sealed.cipherText();
        plainDisplayName = null;
    }

    public Optional<Sealed> sealedName() {
        return displayNameSealed == null ? Optional.empty() : Optional.of(new Sealed(displayNameKey, displayNameSealed));
    }

    /**
     * Deletes the entries of sessions that ended before {@code cutoff}: when the session was ended, or, for one never
     * ended (cancelled, or left running), its booked end. How many went.
     */
    public static int deleteOfSessionsEndedBefore(OffsetDateTime cutoff) {
        return getEntityManager().createNativeQuery("""
                        delete from waiting_room_entry w using session s
                        where w.session_id = s.id and coalesce(s.ended_at, s.ends_at) < ?1""")
                .setParameter(1, cutoff).executeUpdate();
    }

    /** Up to {@code limit} rows from before V13 still holding a plain name. */
    public static List<WaitingRoomEntry> withPlainNames(int limit) {
        return find("plainDisplayName is not null").page(0, limit).list();
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
