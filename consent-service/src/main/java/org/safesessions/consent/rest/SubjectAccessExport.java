package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.consent.domain.AuditEntry;
import org.safesessions.consent.domain.ConsentFacts;
import org.safesessions.consent.domain.Visibility;
import org.safesessions.consent.rest.AgreementMessages.AgreementView;
import org.safesessions.consent.rest.ConsentMessages.ConsentView;
import org.safesessions.consent.rest.ConsentMessages.HistoryEntry;
import org.safesessions.consent.rest.YoungPersonViews.YoungPersonView;
import org.safesessions.consent.application.SubjectAccess.Holding;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The subject access document: everything consent-service holds about one young person. */
@Schema(requiredProperties = {"exportedAt", "exportedBy", "organisation", "youngPerson", "consents", "consentHistory", "agreements", "audit"})
public record SubjectAccessExport(OffsetDateTime exportedAt, String exportedBy, String organisation,
                                  YoungPersonView youngPerson, List<ConsentView> consents,
                                  List<HistoryEntry> consentHistory, List<AgreementView> agreements,
                                  List<AuditView> audit) {

    @Schema(requiredProperties = {"at", "actor", "action"})
    public record AuditView(OffsetDateTime at, String actor, AuditEntry.Action action, UUID subjectId, String fields) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.at, e.actor, e.action, e.subjectId, e.fields);
        }
    }

    static SubjectAccessExport of(Holding h) {
        return new SubjectAccessExport(h.exportedAt(), h.exportedBy(), h.youngPerson().organisation,
                YoungPersonView.of(h.youngPerson(), Visibility.EVERYTHING),
                h.consents().stream().map(f -> ConsentView.of(f, h.exportedAt(), Visibility.EVERYTHING)).toList(),
                ConsentFacts.timeline(h.consents(), h.exportedAt()).stream().map(HistoryEntry::of).toList(),
                h.agreements().stream().map(AgreementView::of).toList(),
                h.audit().stream().map(AuditView::of).toList());
    }
}
