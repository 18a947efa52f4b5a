package org.safesessions.notification.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A member of staff in the directory: how to reach them and what they do. Events name staff by user name (the
 * token's preferred_username), which is the key here, within one organisation.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "user_name", nullable = false)
    public String userName;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String email;

    public String phone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_member_role", joinColumns = @JoinColumn(name = "staff_member_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
