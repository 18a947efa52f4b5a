package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.domain.RuleViolationException;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A platform the organisation has risk-assessed and approved (seeds: "only risk-assessed platforms"). The approval
 * lapses on its review date: a platform past review is not approved until it is assessed again.
 */
@Entity
@Table(name = "approved_platform")
public class ApprovedPlatform extends PanacheEntityBase {

    public static final String APPROVED_PLATFORM_ONLY = "approved-platform-only";

    @EmbeddedId
    public Key key;

    @Column(name = "assessed_by", nullable = false)
    public String assessedBy;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    @Column(name = "review_due", nullable = false)
    public LocalDate reviewDue;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** Approved on {@code day}: assessed by then and not yet due for review. */
    /** Records (or renews) the platform's risk assessment: approved until its review date. */
    public static ApprovedPlatform assess(String organisation, Platform platform, String assessedBy, LocalDate assessedOn,
                                          LocalDate reviewDue, String by, OffsetDateTime now) {
        ApprovedPlatform approval = find(organisation, platform);
        if (approval == null) {
            approval = new ApprovedPlatform();
            approval.key = new Key(organisation, platform);
        }
        approval.assessedBy = assessedBy.strip();
        approval.assessedOn = assessedOn;
        approval.reviewDue = reviewDue;
        approval.recordedAt = now;
        approval.recordedBy = by;
        approval.persist();
        return approval;
    }

    public boolean approvedOn(LocalDate day) {
        return !assessedOn.isAfter(day) && day.isBefore(reviewDue);
    }

    public static List<ApprovedPlatform> ofOrganisation(String organisation) {
        return list("key.organisation = ?1 order by key.platform", organisation);
    }

    public static ApprovedPlatform find(String organisation, Platform platform) {
        return findById(new Key(organisation, platform));
    }

    /** The platform is risk-assessed, and its assessment still current on both the booking day and the session's. */
    public static void check(String organisation, Platform platform, LocalDate today, LocalDate sessionDay) {
        ApprovedPlatform approval = find(organisation, platform);
        if (approval == null || !approval.approvedOn(today) || !approval.approvedOn(sessionDay)) {
            throw new RuleViolationException(APPROVED_PLATFORM_ONLY,
                    "the platform has no current risk assessment approving it for this session's date");
        }
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "organisation")
        public String organisation;

        @Enumerated(EnumType.STRING)
        @Column(name = "platform")
        public Platform platform;

        public Key() {
        }

        public Key(String organisation, Platform platform) {
            this.organisation = organisation;
            this.platform = platform;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && organisation.equals(k.organisation) && platform == k.platform;
        }

        @Override
        public int hashCode() {
            return organisation.hashCode() * 31 + platform.hashCode();
        }
    }
}
