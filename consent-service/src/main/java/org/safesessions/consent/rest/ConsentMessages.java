package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.safesessions.consent.application.YoungPeopleRegister;
import org.safesessions.consent.domain.Consent;
import org.safesessions.consent.domain.ConsentFacts;
import org.safesessions.consent.domain.ConsentStatus;
import org.safesessions.consent.domain.ConsentWithdrawal;
import org.safesessions.consent.domain.EvidenceMethod;
import org.safesessions.consent.domain.Visibility;
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

        public YoungPeopleRegister.RecordConsent command() {
            return new YoungPeopleRegister.RecordConsent(scope, platforms, givenBy, guardianId, evidenceReference,
                    evidenceMethod, givenAt, expiresAt);
        }
    }

    /** Withdrawing a consent: who is the caller, when is now, why is this. */
    public record Withdraw(@NotBlank @Size(max = 500) String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"withdrawnAt", "withdrawnBy"})
    public record WithdrawalView(OffsetDateTime withdrawnAt, String withdrawnBy, String reason) {

        static WithdrawalView of(ConsentWithdrawal w, Visibility visibility) {
            return w == null ? null
                    : new WithdrawalView(w.withdrawnAt, w.withdrawnBy, visibility.withdrawalReasons() ? w.reason : null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"id", "youngPersonId", "scope", "platforms", "givenBy", "evidenceReference", "evidenceMethod", "givenAt", "expiresAt", "status", "recordedAt", "recordedBy"})
    public record ConsentView(UUID id, UUID youngPersonId, ConsentScope scope, Set<Platform> platforms,
                              ConsentGiver givenBy, UUID guardianId, String evidenceReference,
                              EvidenceMethod evidenceMethod, OffsetDateTime givenAt, OffsetDateTime expiresAt,
                              ConsentStatus status, OffsetDateTime recordedAt, String recordedBy,
                              WithdrawalView withdrawal) {

        /** The withdrawal's free-text reason only where {@code visibility} shows reasons. */
        public static ConsentView of(ConsentFacts f, OffsetDateTime now, Visibility visibility) {
            return of(f.consent(), f.withdrawal(), now, visibility);
        }

        public static ConsentView of(Consent c, ConsentWithdrawal withdrawal, OffsetDateTime now, Visibility visibility) {
            return new ConsentView(c.id, c.youngPersonId, c.scope, c.platforms, c.givenBy, c.guardianId,
                    c.evidenceReference, c.evidenceMethod, c.givenAt, c.expiresAt, c.statusAt(now, withdrawal),
                    c.recordedAt, c.recordedBy, WithdrawalView.of(withdrawal, visibility));
        }
    }

    /** One fact of a young person's consent history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"at", "fact", "consentId", "scope"})
    public record HistoryEntry(OffsetDateTime at, ConsentFacts.Event.Kind fact, UUID consentId, ConsentScope scope,
                               String by) {

        public static HistoryEntry of(ConsentFacts.Event e) {
            return new HistoryEntry(e.at(), e.kind(), e.consent().id, e.consent().scope, e.by());
        }
    }
}
