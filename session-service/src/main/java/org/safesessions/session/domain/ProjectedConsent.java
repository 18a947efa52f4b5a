package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.persistence.PlatformSetConverter;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A consent as session-service knows it from consent events. */
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

    @Convert(converter = PlatformSetConverter.class)
    @Column(nullable = false)
    public Set<Platform> platforms;

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

    /** A granted consent, new or refreshed (a consent granted again keeps its withdrawal or expiry, if any). */
    public static ProjectedConsent granted(UUID consentId, String organisation, UUID youngPersonId, ConsentScope scope,
                                           Set<Platform> platforms, OffsetDateTime givenAt, OffsetDateTime expiresAt,
                                           OffsetDateTime now) {
        ProjectedConsent consent = findById(consentId);
        if (consent == null) {
            consent = new ProjectedConsent();
            consent.consentId = consentId;
        }
        consent.organisation = organisation;
        consent.youngPersonId = youngPersonId;
        consent.scope = scope;
        consent.platforms = platforms;
        consent.givenAt = givenAt;
        consent.expiresAt = expiresAt;
        consent.updatedAt = now;
        consent.persist();
        return consent;
    }

    public void withdrawn(OffsetDateTime withdrawnAt, OffsetDateTime now) {
        this.withdrawnAt = withdrawnAt;
        this.updatedAt = now;
    }

    public void expired(OffsetDateTime expiredAt, OffsetDateTime now) {
        this.expiredAt = expiredAt;
        this.updatedAt = now;
    }

    /** Does this consent cover {@code scope} on {@code platform} at {@code at}? */
    public boolean covers(ConsentScope scope, Platform platform, OffsetDateTime at) {
        return this.scope == scope && platforms.contains(platform) && stateAt(at) == ConsentState.ACTIVE;
    }

    public ConsentState stateAt(OffsetDateTime at) {
        if (givenAt.isAfter(at)) {
            return ConsentState.NOT_YET_GIVEN;
        }
        if (withdrawnAt != null && !withdrawnAt.isAfter(at)) {
            return ConsentState.WITHDRAWN;
        }
        if ((expiredAt != null && !expiredAt.isAfter(at)) || !expiresAt.isAfter(at)) {
            return ConsentState.EXPIRED;
        }
        return ConsentState.ACTIVE;
    }

    /**
     * Whether the young person holds a consent for {@code scope} on {@code platform} active for the whole of
     * {@code from}–{@code to}: a consent that lapses mid-session does not cover it.
     */
    public static boolean coversPeriod(String organisation, UUID youngPersonId, ConsentScope scope, Platform platform,
                                       OffsetDateTime from, OffsetDateTime to) {
        return coverPeriod(ofYoungPerson(organisation, youngPersonId), scope, platform, from, to);
    }

    /** The same check over consents already read (one young person's, for many sessions). */
    public static boolean coverPeriod(List<ProjectedConsent> consents, ConsentScope scope, Platform platform,
                                      OffsetDateTime from, OffsetDateTime to) {
        return consents.stream().anyMatch(c -> c.covers(scope, platform, from) && c.covers(scope, platform, to));
    }

    public static List<ProjectedConsent> ofYoungPerson(String organisation, UUID youngPersonId) {
        return list("organisation = ?1 and youngPersonId = ?2 order by givenAt desc", organisation, youngPersonId);
    }

    public enum ConsentState {
        NOT_YET_GIVEN,
        ACTIVE,
        WITHDRAWN,
        EXPIRED
    }
}
