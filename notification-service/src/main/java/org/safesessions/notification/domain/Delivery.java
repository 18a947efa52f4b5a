package org.safesessions.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.safesessions.kit.work.Backoff;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of one message to one recipient on one channel. Holds references, not contact details: the address
 * is looked up when sending. Its rules are here: how a claim leases it (or holds it for quiet hours, or gives up on a
 * message whose outcome is unknown), and what each outcome of an attempt makes of it.
 * <p>
 * <b>Restart mid-send.</b> Just before a message is handed to SMTP or the SMS provider, {@link #handedOverAt} is
 * committed ({@link #handedOver}). A claim whose lease ran out before that is simply claimed again: nothing left the
 * service. One whose lease ran out after it is <i>not</i> resent but dead-lettered as {@link #OUTCOME_UNKNOWN}, for a
 * manager to check and retry ("never twice" over "always", SPEC §6); should the sender report it sent after all, it
 * is recorded as sent.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "template_key", nullable = false)
    public String templateKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public RecipientKind recipientKind;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    /** For staff: their Keycloak user id (rows from before ids were stored have none: they have the name). */
    @Column(name = "staff_user_id")
    public String staffUserId;

    /** For staff: their canonical user name beside the id. */
    @Column(name = "staff_user_name")
    public String staffUserName;

    /** For a STAFF_GROUP row: whom it is for ({@code StaffAudience} as JSON), addressed when due. */
    public String audience;

    /** The recipient keeps quiet hours for non-urgent messages (families always; staff who asked to). */
    @Column(nullable = false)
    public boolean quiet;

    @Column(name = "young_person_id")
    public UUID youngPersonId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(nullable = false)
    public int attempts;

    /** When it is due (again); null for a message the channel refused for good or reported undelivered. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** Template parameters from the event, as JSON: ids, codes and times only. */
    @Column(nullable = false)
    public String params;

    /** When the message was handed to SMTP or the SMS provider; null until then (see the class comment). */
    @Column(name = "handed_over_at")
    public OffsetDateTime handedOverAt;

    /** In-app messages: what the feed shows (references and links only). */
    public String title;

    public String body;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    /** In-app messages: its place in the recipient's feed once shown (1, 2, 3, …), the live stream's SSE id. */
    @Column(name = "feed_position")
    public Long feedPosition;

    /** The reason of a message dead-lettered because its sender stopped while the channel had it. */
    public static final String OUTCOME_UNKNOWN = "outcome unknown: the service stopped while the channel had the "
            + "message; not resent, to avoid sending it twice";

    /** What claiming a due message came to. */
    public enum Claim {
        /** Leased for sending: the caller sends it. */
        CLAIMED,
        /** Put back until quiet hours end. */
        HELD,
        /** Its lease ran out after it was handed to the channel: dead-lettered, not resent. */
        OUTCOME_UNKNOWN
    }

    /**
     * Claims this due message for sending at {@code now}: leased (SENDING, due again once {@code lease} has passed
     * should the sender never report back) and counted as an attempt; or held back until quiet hours end; or, when a
     * lease ran out after the message was handed over, dead-lettered as {@link #OUTCOME_UNKNOWN}.
     */
    public Claim claim(OffsetDateTime now, Duration lease, QuietHours quietHours) {
        if (status == DeliveryStatus.SENDING && handedOverAt != null) {
            status = DeliveryStatus.DEAD_LETTERED;
            statusReason = OUTCOME_UNKNOWN;
            return Claim.OUTCOME_UNKNOWN;
        }
        Optional<OffsetDateTime> held = quietHours.holdUntil(this, now);
        if (held.isPresent()) {
            status = DeliveryStatus.QUEUED;
            statusReason = "held for quiet hours";
            nextAttemptAt = held.get();
            return Claim.HELD;
        }
        status = DeliveryStatus.SENDING;
        attempts++;
        nextAttemptAt = now.plus(lease);
        return Claim.CLAIMED;
    }

    /** Records that the message is about to leave for its channel; false if this claim was lost meanwhile. */
    public boolean handedOver(OffsetDateTime now) {
        if (status != DeliveryStatus.SENDING) {
            return false;
        }
        handedOverAt = now;
        return true;
    }

    /**
     * The channel accepted the message (or it was addressed, or shown in the feed); false if this claim was lost
     * meanwhile. A message dead-lettered as {@link #OUTCOME_UNKNOWN} that turns out sent after all is recorded sent.
     */
    public boolean sent(OffsetDateTime now, String reason) {
        boolean lateButSent = status == DeliveryStatus.DEAD_LETTERED && OUTCOME_UNKNOWN.equals(statusReason);
        if (status != DeliveryStatus.SENDING && !lateButSent) {
            return false;
        }
        status = DeliveryStatus.SENT;
        statusReason = reason;
        sentAt = now;
        return true;
    }

    /** An in-app message recorded as sent, with what the feed shows; false if this claim was lost meanwhile. */
    public boolean shown(OffsetDateTime now, String title, String body) {
        if (!sent(now, null)) {
            return false;
        }
        this.title = title;
        this.body = body;
        return true;
    }

    /** The message cannot be sent at all (no address, recipient gone): not retried. False if the claim was lost. */
    public boolean suppressed(String reason) {
        if (status != DeliveryStatus.SENDING) {
            return false;
        }
        status = DeliveryStatus.SUPPRESSED;
        statusReason = reason;
        return true;
    }

    /**
     * The attempt failed and nothing was sent, so another is safe: due again after {@code backoff}, or dead-lettered
     * once {@code maxAttempts} attempts were made. False if this claim was lost meanwhile.
     */
    public boolean failed(String reason, OffsetDateTime now, int maxAttempts, Backoff backoff) {
        if (status != DeliveryStatus.SENDING) {
            return false;
        }
        handedOverAt = null; // the channel refused it: nothing was sent, so a retry is safe
        if (attempts >= maxAttempts) {
            status = DeliveryStatus.DEAD_LETTERED;
            statusReason = "gave up after " + attempts + " attempts: " + reason;
        } else {
            status = DeliveryStatus.FAILED;
            statusReason = reason;
            nextAttemptAt = now.plus(backoff.after(attempts));
        }
        return true;
    }

    /**
     * The channel refused the message for good (an SMS gateway's 4xx for the number): FAILED with the reason and no
     * next attempt, since a repeat would be refused too; a manager may retry it. False if this claim was lost meanwhile.
     */
    public boolean refused(String reason) {
        if (status != DeliveryStatus.SENDING) {
            return false;
        }
        handedOverAt = null;
        status = DeliveryStatus.FAILED;
        statusReason = reason;
        nextAttemptAt = null;
        return true;
    }

    /**
     * The SMS gateway's receipt: the message reached the phone ({@code delivered}) or could not be delivered (FAILED
     * with the gateway's reason, not retried: the gateway has tried). Applies to a message handed to the gateway (sent,
     * or still being recorded as sent, or dead-lettered as outcome unknown); a repeated or late receipt for one already
     * settled changes nothing. True if it changed the record.
     */
    public boolean receipt(boolean delivered, String reason, OffsetDateTime now) {
        boolean handedToTheGateway = status == DeliveryStatus.SENT
                || (status == DeliveryStatus.SENDING && handedOverAt != null)
                || (status == DeliveryStatus.DEAD_LETTERED && OUTCOME_UNKNOWN.equals(statusReason));
        if (channel != Channel.SMS || !handedToTheGateway) {
            return false;
        }
        if (sentAt == null) {
            sentAt = now;
        }
        nextAttemptAt = null;
        status = delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED;
        statusReason = delivered ? null : reason;
        return true;
    }

    /** A pending message no longer wanted (its session cancelled, its young person taken off it). */
    public void withdraw(String reason) {
        status = DeliveryStatus.SUPPRESSED;
        statusReason = reason;
    }

    /**
     * A pending reminder moved with its session, with its new parameters: due at {@code due}, or withdrawn when that
     * moment has already passed (the change message tells the family instead).
     */
    public void reschedule(String params, OffsetDateTime due, OffsetDateTime now) {
        this.params = params;
        if (due.isBefore(now)) {
            status = DeliveryStatus.SUPPRESSED;
            statusReason = "session moved: reminder time passed";
        } else {
            nextAttemptAt = due;
            statusReason = null;
        }
    }

    /** Whose feed an in-app message is in: the Keycloak user id, or the user name for rows from before ids. */
    public String feedOwner() {
        return staffUserId != null ? staffUserId : staffUserName;
    }

    /** The recipient read this in-app message (the first reading counts). */
    public void markRead(OffsetDateTime now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public void markUnread() {
        readAt = null;
    }

    /**
     * How many delivery records the organisation has, as counting them would say: the total delivery_count keeps (V13,
     * over 16 slots since V15), at most 16 rows to read however many there are.
     */
    public static long countOfOrganisation(String organisation) {
        return ((Number) getEntityManager().createNativeQuery(
                        "select coalesce(sum(deliveries), 0) from delivery_count where organisation = ?1")
                .setParameter(1, organisation).getSingleResult()).longValue();
    }

    /**
     * How many shown in-app messages (or unread ones) a recipient's feed has, as counting them would say: the totals
     * feed_count keeps (V14) under the feed's key, the recipient's Keycloak id (or, for rows from before ids, user name).
     */
    public static long countInFeed(String organisation, String recipient, boolean unreadOnly) {
        String column = unreadOnly ? "unread" : "shown";
        return ((Number) getEntityManager().createNativeQuery("select coalesce((select " + column
                        + " from feed_count where organisation = ?1 and recipient = ?2), 0)")
                .setParameter(1, organisation).setParameter(2, recipient).getSingleResult()).longValue();
    }

    public boolean toFamily() {
        return recipientKind == RecipientKind.FAMILY || recipientKind == RecipientKind.GUARDIAN
                || recipientKind == RecipientKind.YOUNG_PERSON;
    }

    public enum RecipientKind {
        /** A young person's family, addressed when due: one row per guardian (and the young person) is queued then. */
        FAMILY,
        GUARDIAN,
        YOUNG_PERSON,
        /** Staff found when due (by role, by name, never an allegation's subject): one row per member is queued then. */
        STAFF_GROUP,
        STAFF
    }
}
