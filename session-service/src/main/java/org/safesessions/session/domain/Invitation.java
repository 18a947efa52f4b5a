package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import org.safesessions.events.session.RemovalReason;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A young person invited to a session. A removal keeps the row (status REMOVED, reason), so the history stays and a
 * Zoom registrant can still be cancelled. The personal join link is sealed ({@code FieldCipher}).
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @MapsId("sessionId")
    @ManyToOne(fetch = FetchType.LAZY)
    public Session session;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvitationStatus status;

    @Column(name = "invited_at", nullable = false)
    public OffsetDateTime invitedAt;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "removal_reason")
    public RemovalReason removalReason;

    /** ParticipantInvited has been published: the invitation can be sent (on Zoom: after the registrant exists). */
    @Column(name = "invitation_ready", nullable = false)
    public boolean invitationReady;

    @Column(name = "zoom_registrant_id")
    public String zoomRegistrantId;

    @Column(name = "zoom_join_url_key")
    public String zoomJoinUrlKey;

    @Column(name = "zoom_join_url")
    public byte[] zoomJoinUrl;

    @Column(name = "zoom_registrant_cancelled", nullable = false)
    public boolean zoomRegistrantCancelled;

    public UUID youngPersonId() {
        return key.youngPersonId;
    }

    public boolean invited() {
        return status == InvitationStatus.INVITED;
    }

    /** A Zoom registrant exists that should no longer let this young person in. */
    public boolean registrantToCancel() {
        return status == InvitationStatus.REMOVED && zoomRegistrantId != null && !zoomRegistrantCancelled;
    }

    void remove(RemovalReason reason, OffsetDateTime at) {
        status = InvitationStatus.REMOVED;
        removalReason = reason;
        removedAt = at;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "session_id")
        public UUID sessionId;

        @Column(name = "young_person_id")
        public UUID youngPersonId;

        public Key() {
        }

        public Key(UUID sessionId, UUID youngPersonId) {
            this.sessionId = sessionId;
            this.youngPersonId = youngPersonId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sessionId, k.sessionId) && Objects.equals(youngPersonId, k.youngPersonId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, youngPersonId);
        }
    }
}
