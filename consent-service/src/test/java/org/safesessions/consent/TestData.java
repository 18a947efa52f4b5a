package org.safesessions.consent;

import io.quarkus.arc.Arc;
import org.safesessions.consent.domain.ContactChannel;
import org.safesessions.consent.domain.EvidenceMethod;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.consent.application.YoungPeopleRegister.RecordConsent;
import org.safesessions.consent.application.ConsentWithdrawals;
import org.safesessions.consent.application.YoungPeopleRegister;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Records made through the services directly, as another organisation's or another user's, for tenancy tests. */
final class TestData {

    private TestData() {
    }

    static YoungPeopleRegister register() {
        return Arc.container().instance(YoungPeopleRegister.class).get();
    }

    static YoungPerson youngPerson(String organisation, String name) {
        return register().register(organisation, new YoungPeopleRegister.Register(name, LocalDate.now().minusYears(14),
                "E09000024", List.of(new YoungPeopleRegister.GuardianDetails("Kim Carer", "mother", "kim@example.org",
                null, ContactChannel.EMAIL)), "young.person@example.org"), "coord-x");
    }

    static UUID consent(YoungPerson yp, ConsentScope scope, Set<Platform> platforms, OffsetDateTime givenAt,
                        OffsetDateTime expiresAt) {
        return register().recordConsent(yp.organisation, yp.id, new RecordConsent(scope, platforms,
                ConsentGiver.GUARDIAN, yp.guardians.get(0).id, "FORM-T", EvidenceMethod.PAPER_FORM, givenAt, expiresAt),
                "coord-x").id;
    }

    /** [youngPersonId, consentId] of a group consent in org-b. */
    static String[] consentInOrgB() {
        YoungPerson yp = youngPerson("org-b", "Other Org");
        UUID consentId = consent(yp, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), Fixtures.GIVEN_AT, null);
        return new String[]{yp.id.toString(), consentId.toString()};
    }

    /** [youngPersonId, consentId] of a group consent in org-a that coord-a withdrew. */
    static String[] withdrawnConsentInOrgA() {
        YoungPerson yp = youngPerson("org-a", "Withdrawn For Worker");
        UUID consentId = consent(yp, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), Fixtures.GIVEN_AT, null);
        Arc.container().instance(ConsentWithdrawals.class).get().withdraw("org-a", consentId, "Moved school", "coord-a");
        return new String[]{yp.id.toString(), consentId.toString()};
    }
}
