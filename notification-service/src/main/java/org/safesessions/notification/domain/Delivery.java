package org.safesessions.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The record of one message to one recipient on one channel. Holds references, not contact details: the address
 * is looked up when sending.
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

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** Template parameters from the event, as JSON: ids, codes and times only. */
    @Column(nullable = false)
    public String params;

    /** When the message was handed to SMTP or the SMS provider; null until then (see Dispatcher). */
    @Column(name = "handed_over_at")
    public OffsetDateTime handedOverAt;

    /** In-app messages: what the feed shows (references and links only). */
    public String title;

    public String body;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

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
