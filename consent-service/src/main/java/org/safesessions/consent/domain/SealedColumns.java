package org.safesessions.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.safesessions.kit.crypto.SealedColumn;

import java.util.UUID;

/**
 * What consent-service keeps sealed, for the kit's key rotation (service-kit README "Rotating a key"): the name of
 * whoever asked for a subject access export, bound to its request as {@link SubjectAccessRequest} seals it.
 */
@ApplicationScoped
public class SealedColumns {

    @Produces
    SealedColumn subjectAccessRequesters() {
        return SealedColumn.of("subject_access_request", "id", "requester_key_id", "requester_cipher",
                row -> SubjectAccessRequest.requesterBinding((UUID) row.get("id")));
    }
}
