package org.safesessions.safeguarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of a concern: who, when, with which role, and which view of it they were given. */
@Entity
@Table(name = "concern_access")
public class AccessRecord extends PanacheEntityBase {

    public enum View {
        SUMMARY,
        FULL,
        CHRONOLOGY,
        VERIFICATION,
        COUNCIL_REFERRAL,
        /** A court and council bundle was produced (GET /concerns/{id}/bundle). */
        EXPORT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "concern_id", nullable = false)
    public UUID concernId;

    @Column(name = "accessed_at", nullable = false)
    public OffsetDateTime accessedAt;

    @Column(name = "accessed_by", nullable = false)
    public String accessedBy;

    @Column(nullable = false)
    public String role;

    @Enumerated(EnumType.STRING)
    @Column(name = "access_view", nullable = false)
    public View view;

    public static void record(UUID concernId, String accessedBy, String role, View view, OffsetDateTime at) {
        AccessRecord r = new AccessRecord();
        r.concernId = concernId;
        r.accessedBy = accessedBy;
        r.role = role;
        r.view = view;
        r.accessedAt = at;
        r.persist();
    }
}
