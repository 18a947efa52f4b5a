package org.safesessions.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What this service keeps about a member of staff that Keycloak does not hold: a phone number for SMS, the channel
 * they prefer for non-urgent messages, and whether those wait for the end of quiet hours. Keyed by Keycloak user id;
 * who they are (name, email, roles) always comes from Keycloak.
 */
@Entity
@Table(name = "staff_contact")
@IdClass(StaffContact.Key.class)
public class StaffContact extends PanacheEntityBase {

    @Id
    public String organisation;

    @Id
    @Column(name = "user_id")
    public String userId;

    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel", nullable = false)
    public PreferredChannel preferredChannel = PreferredChannel.EMAIL;

    /** Non-urgent messages falling due in quiet hours wait until they end; urgent ones never wait. */
    @Column(name = "quiet_hours", nullable = false)
    public boolean quietHours;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** How a member of staff prefers non-urgent messages (beside the in-app feed, which they always get). */
    public enum PreferredChannel {
        EMAIL,
        SMS
    }

    /** A new, unsaved record of a member of staff's contacts. */
    public static StaffContact create(String organisation, String userId) {
        StaffContact contact = new StaffContact();
        contact.organisation = organisation;
        contact.userId = userId;
        return contact;
    }

    /**
     * Sets everything this service keeps about the member: absent values are cleared to their defaults (no phone,
     * email, no quiet hours).
     */
    public void change(String phone, PreferredChannel preferredChannel, Boolean quietHours, String by,
                       OffsetDateTime now) {
        this.phone = phone == null || phone.isBlank() ? null : phone.strip();
        this.preferredChannel = preferredChannel != null ? preferredChannel : PreferredChannel.EMAIL;
        this.quietHours = Boolean.TRUE.equals(quietHours);
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public static Optional<StaffContact> of(String organisation, String userId) {
        return find("organisation = ?1 and userId = ?2", organisation, userId).firstResultOptional();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }

    public static final class Key implements Serializable {
        public String organisation;
        public String userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisation, k.organisation) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisation, userId);
        }
    }
}
