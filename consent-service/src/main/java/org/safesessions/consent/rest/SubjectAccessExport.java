package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.consent.domain.ConsentFacts;
import org.safesessions.consent.domain.Visibility;
import org.safesessions.consent.rest.AgreementMessages.AgreementView;
import org.safesessions.consent.rest.ConsentMessages.ConsentView;
import org.safesessions.consent.rest.ConsentMessages.HistoryEntry;
import org.safesessions.consent.rest.YoungPersonViews.YoungPersonView;
import org.safesessions.consent.application.SubjectAccess.Holding;
import org.safesessions.kit.audit.AccessLogView;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The subject access document: everything consent-service holds about one young person, with every access to
 * their data (the access log, oldest first). {@code subjectAccessRequestId} when produced for a tracked request.
 */
@Schema(requiredProperties = {"exportedAt", "exportedBy", "organisation", "youngPerson", "consents", "consentHistory", "agreements", "accessLog"})
public record SubjectAccessExport(OffsetDateTime exportedAt, String exportedBy, String organisation,
                                  UUID subjectAccessRequestId, YoungPersonView youngPerson,
                                  List<ConsentView> consents, List<HistoryEntry> consentHistory,
                                  List<AgreementView> agreements, List<AccessLogView> accessLog) {

    static SubjectAccessExport of(Holding h) {
        return new SubjectAccessExport(h.exportedAt(), h.exportedBy(), h.youngPerson().organisation, h.requestId(),
                YoungPersonView.of(h.youngPerson(), Visibility.EVERYTHING),
                h.consents().stream().map(f -> ConsentView.of(f, h.exportedAt(), Visibility.EVERYTHING)).toList(),
                ConsentFacts.timeline(h.consents(), h.exportedAt()).stream().map(HistoryEntry::of).toList(),
                h.agreements().stream().map(AgreementView::of).toList(),
                h.accessLog().stream().map(AccessLogView::of).toList());
    }
}
