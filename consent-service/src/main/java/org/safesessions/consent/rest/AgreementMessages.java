package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safesessions.consent.application.SafetyAgreements;
import org.safesessions.consent.domain.SafetyAgreement;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Request and answer bodies of the online safety agreements resource. */
public final class AgreementMessages {

    private AgreementMessages() {
    }

    /** The version of the code of conduct the young person acknowledged, and when (default now). */
    public record RecordAgreement(@NotBlank @Size(max = 20) String agreementVersion, OffsetDateTime agreedAt) {

        public SafetyAgreements.RecordAgreement command() {
            return new SafetyAgreements.RecordAgreement(agreementVersion, agreedAt);
        }
    }

    @Schema(requiredProperties = {"id", "youngPersonId", "agreementVersion", "agreedAt", "recordedAt", "recordedBy"})
    public record AgreementView(UUID id, UUID youngPersonId, String agreementVersion, OffsetDateTime agreedAt,
                                OffsetDateTime recordedAt, String recordedBy) {

        public static AgreementView of(SafetyAgreement a) {
            return new AgreementView(a.id, a.youngPersonId, a.agreementVersion, a.agreedAt, a.recordedAt, a.recordedBy);
        }
    }
}
