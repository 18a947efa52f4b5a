package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.safesessions.kit.crypto.Sealed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Zoom registrant of one invitation (keyed like it): the registrant id, the sealed personal join link, and
 * whether it was cancelled so that the link no longer admits the young person. A re-invitation gets a fresh
 * registrant (a cancelled one cannot be revived): the old row goes ({@link #forget}). Changed only through its own
 * methods.
 */
@Entity
@Table(name = "zoom_registrant")
public class ZoomRegistrant extends PanacheEntityBase {

    @EmbeddedId
    public Invitation.Key key;

    @Column(name = "registrant_id", nullable = false)
    public String registrantId;

    @Column(name = "join_url_key")
    public String joinUrlKey;

    @Column(name = "join_url")
    public byte[] joinUrl;

    @Column(nullable = false)
    public boolean cancelled;

    /** Zoom registered the invitee: the registrant and their sealed join link. */
    public static ZoomRegistrant registered(Invitation.Key key, String registrantId, Sealed joinUrl) {
        ZoomRegistrant registrant = new ZoomRegistrant();
        registrant.key = key;
        registrant.registrantId = registrantId;
        registrant.joinUrlKey = joinUrl.keyId();
        registrant.joinUrl = joinUrl.cipherText();
        registrant.persist();
        return registrant;
    }

    public static Optional<ZoomRegistrant> of(Invitation.Key key) {
        return Optional.ofNullable(findById(key));
    }

    public static Optional<ZoomRegistrant> lockedFor(Invitation.Key key) {
        return Optional.ofNullable(findById(key, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The registrants of a session's invitations, by young person. */
    public static Map<UUID, ZoomRegistrant> ofSession(UUID sessionId) {
        List<ZoomRegistrant> registrants = list("key.sessionId", sessionId);
        return registrants.stream().collect(Collectors.toMap(r -> r.key.youngPersonId, Function.identity()));
    }

    /** The registrant Zoom knows by this id, in this session. */
    public static Optional<ZoomRegistrant> byRegistrantId(UUID sessionId, String registrantId) {
        return find("key.sessionId = ?1 and registrantId = ?2", sessionId, registrantId).firstResultOptional();
    }

    /** Whether this registrant should no longer let the invitation's young person in. */
    public boolean toCancel(Invitation invitation) {
        return invitation.status == InvitationStatus.REMOVED && !cancelled;
    }

    /** Zoom no longer admits this registrant. */
    public void cancel() {
        cancelled = true;
    }

    /** A re-invitation: this registrant is not used again. */
    public void forget() {
        delete();
    }
}
