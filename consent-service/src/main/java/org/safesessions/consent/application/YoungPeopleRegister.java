package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;
import org.safesessions.consent.domain.Change;
import org.safesessions.consent.domain.Consent;
import org.safesessions.consent.domain.ConsentFacts;
import org.safesessions.consent.domain.ContactChannel;
import org.safesessions.consent.domain.Language;
import org.safesessions.consent.domain.EvidenceMethod;
import org.safesessions.consent.domain.Guardian;
import org.safesessions.consent.domain.RecordType;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.consent.YoungPersonRegisteredV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.time.Time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registering young people, keeping their contact details and recording their consents; each change, its audit
 * and its event in one transaction. */
@ApplicationScoped
public class YoungPeopleRegister {

    /** Registering a young person with their guardians (1–4); {@code email} is the young person's own, optional. */
    /** {@code preferredLanguage} null: English. */
    public record Register(String preferredName, LocalDate dateOfBirth, String localAuthorityCode,
                           List<GuardianDetails> guardians, String email, Language preferredLanguage) {

        public Register(String preferredName, LocalDate dateOfBirth, String localAuthorityCode,
                        List<GuardianDetails> guardians, String email) {
            this(preferredName, dateOfBirth, localAuthorityCode, guardians, email, null);
        }

        public Register(String preferredName, LocalDate dateOfBirth, String localAuthorityCode,
                        List<GuardianDetails> guardians) {
            this(preferredName, dateOfBirth, localAuthorityCode, guardians, null, null);
        }
    }

    /** A guardian named at registration; {@code preferredLanguage} null: English. */
    public record GuardianDetails(String name, String relationship, String email, String phone,
                                  ContactChannel preferredChannel, Language preferredLanguage) {
        public GuardianDetails(String name, String relationship, String email, String phone,
                               ContactChannel preferredChannel) {
            this(name, relationship, email, phone, preferredChannel, null);
        }
    }

    /**
     * New contact details: the young person's own email (null removes it) and, for each guardian listed, their
     * email, phone and preferred channel. Guardians not listed keep theirs. A preferred language left null keeps
     * the one on record.
     */
    public record ChangeContactDetails(String email, List<GuardianContact> guardians, Language preferredLanguage) {
        public ChangeContactDetails(String email, List<GuardianContact> guardians) {
            this(email, guardians, null);
        }
    }

    /** One guardian's new contact details; {@code preferredLanguage} null keeps theirs. */
    public record GuardianContact(UUID id, String email, String phone, ContactChannel preferredChannel,
                                  Language preferredLanguage) {
        public GuardianContact(UUID id, String email, String phone, ContactChannel preferredChannel) {
            this(id, email, phone, preferredChannel, null);
        }
    }

    /** A consent as the form gives it; {@code expiresAt} null: the organisation's default validity. */
    public record RecordConsent(ConsentScope scope, Set<Platform> platforms, ConsentGiver givenBy, UUID guardianId,
                                String evidenceReference, EvidenceMethod evidenceMethod, OffsetDateTime givenAt,
                                OffsetDateTime expiresAt) {
    }

    @Inject
    ConsentCheckCache checkCache;

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    OrganisationPolicies policies;

    @Inject
    AuditTrail audit;

    @Transactional
    public YoungPerson register(String organisation, Register request, String registeredBy) {
        YoungPerson yp = YoungPerson.register(organisation, request.preferredName(), request.dateOfBirth(),
                request.localAuthorityCode(), request.email(), registeredBy, time.now());
        for (GuardianDetails g : request.guardians()) {
            yp.addGuardian(g.name(), g.relationship(), g.email(), g.phone(), g.preferredChannel(), g.preferredLanguage());
        }
        yp.prefer(request.preferredLanguage());
        yp.persist();
        audit.changed(yp, RecordType.YOUNG_PERSON, yp.id, Change.REGISTERED, null);
        outbox.publish(yp.id,
                new YoungPersonRegisteredV1(yp.id, organisation, yp.localAuthorityCode, yp.registeredAt));
        return yp;
    }

    /** The young person, for a use case that logs its own access (a change, an export); or 404. */
    public YoungPerson get(String organisation, UUID id) {
        return YoungPerson.findInOrganisation(id, organisation).orElseThrow(() -> new RecordNotFoundException("young person"));
    }

    /** The young person read by the caller: logged as a READ. */
    public YoungPerson read(String organisation, UUID id) {
        YoungPerson yp = get(organisation, id);
        audit.read(organisation, RecordType.YOUNG_PERSON, yp.id, yp.id);
        return yp;
    }

    /** Contact details looked up by a service about to send a message: logged as a READ of contact details. */
    public YoungPerson contacts(String organisation, UUID id) {
        YoungPerson yp = get(organisation, id);
        audit.read(organisation, RecordType.CONTACT_DETAILS, yp.id, yp.id);
        return yp;
    }

    /** The young person's consents, newest first, with their withdrawals; logged as a LIST. */
    public List<ConsentFacts> consents(String organisation, UUID youngPersonId) {
        YoungPerson yp = get(organisation, youngPersonId);
        audit.listed(organisation, RecordType.CONSENT, yp.id);
        return ConsentFacts.ofYoungPerson(yp.id);
    }

    /** A page of the organisation's young people; logged as a LIST (never the name searched for). */
    public Page<YoungPerson> list(String organisation, String name, int page, int size) {
        audit.listed(organisation, RecordType.YOUNG_PERSON, null);
        var query = YoungPerson.ofOrganisation(organisation, name);
        long total = name == null || name.isBlank() ? YoungPerson.countOfOrganisation(organisation) : query.count();
        return new Page<>(query.page(page, size).list(), page, size, total);
    }

    /** New contact details; the audit names the fields that changed, never their values. */
    @Transactional
    public YoungPerson updateContactDetails(String organisation, UUID id, ChangeContactDetails request, String changedBy) {
        YoungPerson yp = get(organisation, id);
        Hibernate.initialize(yp.guardians); // the answer is written after this transaction
        OffsetDateTime now = time.now();
        List<String> changed = yp.changeContactDetails(request.email(), request.preferredLanguage(), request.guardians()
                .stream().map(g -> new Guardian.Contact(g.id(), g.email(), g.phone(), g.preferredChannel(),
                        g.preferredLanguage())).toList(), now);
        if (!changed.isEmpty()) {
            audit.changed(yp, RecordType.CONTACT_DETAILS, yp.id, Change.CONTACT_DETAILS_CHANGED, String.join(",", changed));
        }
        return yp;
    }

    @Transactional
    public Consent recordConsent(String organisation, UUID youngPersonId, RecordConsent request, String recordedBy) {
        YoungPerson yp = get(organisation, youngPersonId);
        OffsetDateTime now = time.now();
        Consent consent = Consent.record(yp, request.scope(), request.platforms(), request.givenBy(),
                request.guardianId(), request.evidenceReference(), request.evidenceMethod(), request.givenAt(),
                request.expiresAt(), policies.of(organisation), now, recordedBy);
        consent.persist();
        checkCache.changesOnCommit(yp.id);
        audit.changed(yp, RecordType.CONSENT, consent.id, Change.CONSENT_RECORDED, null);
        outbox.publish(consent.id, new ConsentGrantedV1(consent.id, yp.id, organisation, consent.scope,
                consent.platforms, consent.givenBy, consent.guardianId, consent.givenAt, consent.expiresAt));
        return consent;
    }
}
