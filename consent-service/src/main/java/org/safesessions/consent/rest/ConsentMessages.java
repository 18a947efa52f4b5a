package org.safesessions.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.safesessions.consent.domain.Consent;
import org.safesessions.consent.domain.EvidenceMethod;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Request and answer bodies of the consents resource. */
public final class ConsentMessages {

    private ConsentMessages() {
    }

    public record RecordConsent(
            @NotNull ConsentScope scope,
            @NotEmpty Set<@NotNull Platform> platforms,
            @NotNull ConsentGiver givenBy,
            UUID guardianId,
            @NotBlank @Size(max = 100) String evidenceReference,
            @NotNull EvidenceMethod evidenceMethod,
            @NotNull OffsetDateTime givenAt,
            OffsetDateTime expiresAt) {
    }

    public enum ConsentStatus {
        ACTIVE,
        EXPIRED
    }

    public record ConsentView(UUID id, UUID youngPersonId, ConsentScope scope, Set<Platform> platforms,
                              ConsentGiver givenBy, UUID guardianId, String evidenceReference,
                              EvidenceMethod evidenceMethod, OffsetDateTime givenAt, OffsetDateTime expiresAt,
                              ConsentStatus status, OffsetDateTime recordedAt, String recordedBy) {

        static ConsentView of(Consent c, OffsetDateTime now) {
            return new ConsentView(c.id, c.youngPersonId, c.scope, c.platforms, c.givenBy, c.guardianId,
                    c.evidenceReference, c.evidenceMethod, c.givenAt, c.expiresAt,
                    c.expiresAt.isAfter(now) ? ConsentStatus.ACTIVE : ConsentStatus.EXPIRED, c.recordedAt, c.recordedBy);
        }
    }
}
