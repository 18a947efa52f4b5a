package org.safesessions.safeguarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.events.consent.ConsentScope;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A consent as safeguarding-service knows it from consent-service's events: enough to tell whether a young person's
 * {@code INFORMATION_SHARING} consent is active when a DSL escalates, without asking consent-service.
 */
@Entity
@Table(name = "consent_projection")
public class ProjectedConsent extends PanacheEntityBase {

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "young_person_id", nullable = false)
    public UUID youngPersonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentScope scope;

    @Column(name = "given_at", nullable = false)
    public OffsetDateTime givenAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "expired_at")
    public OffsetDateTime expiredAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** A granted consent, new or seen again (a redelivered grant keeps a withdrawal or expiry already known). */
    public static ProjectedConsent granted(UUID consentId, String organisation, UUID youngPersonId, ConsentScope scope,
                                           OffsetDateTime givenAt, OffsetDateTime expiresAt, OffsetDateTime now) {
        ProjectedConsent consent = findById(consentId);
        if (consent == null) {
            consent = new ProjectedConsent();
            consent.consentId = consentId;
        }
        consent.organisation = organisation;
        consent.youngPersonId = youngPersonId;
        consent.scope = scope;
        consent.givenAt = givenAt;
        consent.expiresAt = expiresAt;
        consent.updatedAt = now;
        consent.persist();
        return consent;
    }

    public void withdrawn(OffsetDateTime at, OffsetDateTime now) {
        withdrawnAt = at;
        updatedAt = now;
    }

    public void expired(OffsetDateTime at, OffsetDateTime now) {
        expiredAt = at;
        updatedAt = now;
    }

    /** Given, not withdrawn, not expired at {@code at}. */
    public boolean activeAt(OffsetDateTime at) {
        return !givenAt.isAfter(at)
                && (withdrawnAt == null || withdrawnAt.isAfter(at))
                && (expiredAt == null || expiredAt.isAfter(at))
                && expiresAt.isAfter(at);
    }

    /** The young person's INFORMATION_SHARING consent active at {@code at}, the most recently given first. */
    public static Optional<ProjectedConsent> activeInformationSharing(String organisation, UUID youngPersonId,
                                                                      OffsetDateTime at) {
        if (youngPersonId == null) {
            return Optional.empty();
        }
        return ProjectedConsent.<ProjectedConsent>list(
                        "organisation = ?1 and youngPersonId = ?2 and scope = ?3 order by givenAt desc",
                        organisation, youngPersonId, ConsentScope.INFORMATION_SHARING).stream()
                .filter(c -> c.activeAt(at)).findFirst();
    }
}
