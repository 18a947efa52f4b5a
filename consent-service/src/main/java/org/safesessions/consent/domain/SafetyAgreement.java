package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A young person's acknowledgement of a version of the online safety code of conduct, recorded by staff. */
@Entity
@Table(name = "safety_agreement")
public class SafetyAgreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "young_person_id", nullable = false)
    public UUID youngPersonId;

    @Column(name = "agreement_version", nullable = false)
    public String agreementVersion;

    @Column(name = "agreed_at", nullable = false)
    public OffsetDateTime agreedAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static List<SafetyAgreement> ofYoungPerson(UUID youngPersonId) {
        return list("youngPersonId = ?1 order by agreedAt desc, recordedAt desc", youngPersonId);
    }
}
