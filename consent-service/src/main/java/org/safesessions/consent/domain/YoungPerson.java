package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A young person taking part in sessions, with the guardians who consent for them. Only what the features need. */
@Entity
@Table(name = "young_person")
public class YoungPerson extends PanacheEntityBase {

    /** Young people of this age or over may consent for themselves where the organisation allows it. */
    public static final int SELF_CONSENT_AGE = 13;

    /** What retention leaves in place of a name. */
    public static final String ANONYMISED = "anonymised";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "preferred_name", nullable = false)
    public String preferredName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    /** The young person's own email, for invitations once they are 13 or over; optional. */
    public String email;

    /** The last change to this record or its consents: retention counts inactivity from here. */
    @Column(name = "last_active_at", nullable = false)
    public OffsetDateTime lastActiveAt;

    /** When retention replaced the personal data with anonymised values; null while the record is live. */
    @Column(name = "anonymised_at")
    public OffsetDateTime anonymisedAt;

    @OneToMany(mappedBy = "youngPerson", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Guardian> guardians = new ArrayList<>();

    /** Something happened to this record: the retention period starts again. */
    public void touch(OffsetDateTime now) {
        if (lastActiveAt == null || now.isAfter(lastActiveAt)) {
            lastActiveAt = now;
        }
    }

    /**
     * Retention: keeps the ids (so every published event and every consent still refers to a record) and the
     * local authority code, replaces what identifies a person. The date of birth keeps only its year.
     */
    public void anonymise(OffsetDateTime now) {
        preferredName = ANONYMISED;
        dateOfBirth = dateOfBirth.withDayOfYear(1);
        email = null;
        for (Guardian guardian : guardians) {
            guardian.anonymise();
        }
        anonymisedAt = now;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public int ageOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    public Optional<Guardian> guardian(UUID guardianId) {
        return guardians.stream().filter(g -> g.id.equals(guardianId)).findFirst();
    }

    /** Tenancy: a young person of another organisation is treated exactly like a missing one. */
    public static Optional<YoungPerson> findInOrganisation(UUID id, String organisation) {
        return find("id = ?1 and organisation = ?2", id, organisation).firstResultOptional();
    }
}
