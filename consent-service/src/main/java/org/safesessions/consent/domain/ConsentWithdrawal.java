package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The withdrawal of a consent: a further fact beside the consent, which itself is never edited. */
@Entity
@Table(name = "consent_withdrawal")
public class ConsentWithdrawal extends PanacheEntityBase {

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "young_person_id", nullable = false)
    public UUID youngPersonId;

    @Column(name = "withdrawn_at", nullable = false)
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by", nullable = false)
    public String withdrawnBy;

    /** Why, in the words of whoever recorded it: free text, so it stays here and never goes on Kafka. */
    @Column(nullable = false)
    public String reason;

    static ConsentWithdrawal of(Consent consent, String reason, String withdrawnBy, OffsetDateTime now) {
        ConsentWithdrawal withdrawal = new ConsentWithdrawal();
        withdrawal.consentId = consent.id;
        withdrawal.organisation = consent.organisation;
        withdrawal.youngPersonId = consent.youngPersonId;
        withdrawal.withdrawnAt = now;
        withdrawal.withdrawnBy = withdrawnBy;
        withdrawal.reason = reason.strip();
        return withdrawal;
    }

    /** Retention: the reasons (free text) of a young person's withdrawals go with the rest. */
    static void anonymiseReasonsOf(UUID youngPersonId) {
        update("reason = ?1 where youngPersonId = ?2", YoungPerson.ANONYMISED, youngPersonId);
    }

    public static List<ConsentWithdrawal> ofYoungPerson(UUID youngPersonId) {
        return list("youngPersonId", youngPersonId);
    }
}
