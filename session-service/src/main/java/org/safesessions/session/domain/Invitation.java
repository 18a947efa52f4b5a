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
 * Zoom registrant can still be cancelled. The registrant and its sealed join link are the Zoom part's
 * ({@link ZoomRegistrant}). Readiness is set by booking off Zoom and by the provisioner on Zoom (with the row
 * locked): {@code DynamicUpdate} keeps a booking's write of status or removal from rewriting it.
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

    public UUID youngPersonId() {
        return key.youngPersonId;
    }

    public boolean invited() {
        return status == InvitationStatus.INVITED;
    }

    /**
     * The young person's Zoom registrant exists: the invitation is ready (ParticipantInvited goes out) unless it was
     * removed meanwhile. Whether it is ready.
     */
    public boolean registeredOnZoom() {
        invitationReady = invited();
        return invitationReady;
    }

    /** Off Zoom an invitation is ready at once (ParticipantInvited goes out); false when it was ready already. */
    public boolean readyOffZoom() {
        if (!invited() || invitationReady) {
            return false;
        }
        invitationReady = true;
        return true;
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
