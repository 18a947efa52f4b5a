package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;
import org.safesessions.consent.domain.AuditEntry.Action;
import org.safesessions.consent.domain.Consent;
import org.safesessions.consent.domain.ContactChannel;
import org.safesessions.consent.domain.EvidenceMethod;
import org.safesessions.consent.domain.Guardian;
import org.safesessions.consent.domain.OrganisationSettings;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.consent.YoungPersonRegisteredV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.time.Time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Registering young people, keeping their contact details and recording their consents; each change, its audit
 * and its event in one transaction. */
@ApplicationScoped
public class YoungPeopleRegister {

    /** Registering a young person with their guardians (1–4); {@code email} is the young person's own, optional. */
    public record Register(String preferredName, LocalDate dateOfBirth, String localAuthorityCode,
                           List<GuardianDetails> guardians, String email) {

        public Register(String preferredName, LocalDate dateOfBirth, String localAuthorityCode,
                        List<GuardianDetails> guardians) {
            this(preferredName, dateOfBirth, localAuthorityCode, guardians, null);
        }
    }

    /** A guardian named at registration. */
    public record GuardianDetails(String name, String relationship, String email, String phone,
                                  ContactChannel preferredChannel) {
    }

    /**
     * New contact details: the young person's own email (null removes it) and, for each guardian listed, their
     * email, phone and preferred channel. Guardians not listed keep theirs.
     */
    public record ChangeContactDetails(String email, List<GuardianContact> guardians) {
    }

    /** One guardian's new contact details. */
    public record GuardianContact(UUID id, String email, String phone, ContactChannel preferredChannel) {
    }

    /** A consent as the form gives it; {@code expiresAt} null: the organisation's default validity. */
    public record RecordConsent(ConsentScope scope, Set<Platform> platforms, ConsentGiver givenBy, UUID guardianId,
                                String evidenceReference, EvidenceMethod evidenceMethod, OffsetDateTime givenAt,
                                OffsetDateTime expiresAt) {
    }

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
        YoungPerson yp = new YoungPerson();
        yp.id = UUID.randomUUID();
        yp.organisation = organisation;
        yp.preferredName = request.preferredName().strip();
        yp.dateOfBirth = request.dateOfBirth();
        yp.localAuthorityCode = request.localAuthorityCode();
        yp.email = blankToNull(request.email());
        yp.registeredAt = time.now();
        yp.registeredBy = registeredBy;
        yp.lastActiveAt = yp.registeredAt;
        int position = 0;
        for (GuardianDetails details : request.guardians()) {
            Guardian g = new Guardian();
            g.id = UUID.randomUUID();
            g.youngPerson = yp;
            g.position = position++;
            g.name = details.name().strip();
            g.relationship = details.relationship().strip();
            g.email = blankToNull(details.email());
            g.phone = blankToNull(details.phone());
            g.preferredChannel = details.preferredChannel();
            yp.guardians.add(g);
        }
        yp.persist();
        audit.record(yp, Action.REGISTERED, null, null, registeredBy, yp.registeredAt);
        outbox.publish(yp.id,
                new YoungPersonRegisteredV1(yp.id, organisation, yp.localAuthorityCode, yp.registeredAt));
        return yp;
    }

    public YoungPerson get(String organisation, UUID id) {
        return YoungPerson.findInOrganisation(id, organisation).orElseThrow(() -> new RecordNotFoundException("young person"));
    }

    public Page<YoungPerson> list(String organisation, String name, int page, int size) {
        var query = name == null || name.isBlank()
                ? YoungPerson.<YoungPerson>find("organisation = ?1 order by registeredAt desc, id", organisation)
                : YoungPerson.<YoungPerson>find(
                "organisation = ?1 and lower(preferredName) like ?2 order by registeredAt desc, id",
                organisation, "%" + name.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** New contact details; the audit names the fields that changed, never their values. */
    @Transactional
    public YoungPerson updateContactDetails(String organisation, UUID id, ChangeContactDetails request, String changedBy) {
        YoungPerson yp = get(organisation, id);
        if (yp.isAnonymised()) {
            throw new RuleViolationException("anonymised-records-stay-anonymised",
                    "this record was anonymised under the retention policy");
        }
        Hibernate.initialize(yp.guardians); // the answer is written after this transaction
        List<String> changed = new ArrayList<>();
        String email = blankToNull(request.email());
        if (!Objects.equals(email, yp.email)) {
            yp.email = email;
            changed.add("email");
        }
        for (GuardianContact contact : request.guardians()) {
            Guardian g = yp.guardian(contact.id()).orElseThrow(() -> new RuleViolationException(
                    "guardian-of-this-young-person", "each guardian must be one of this young person's guardians"));
            String prefix = "guardians[" + g.position + "].";
            String gEmail = blankToNull(contact.email());
            String gPhone = blankToNull(contact.phone());
            if (!Objects.equals(gEmail, g.email)) {
                g.email = gEmail;
                changed.add(prefix + "email");
            }
            if (!Objects.equals(gPhone, g.phone)) {
                g.phone = gPhone;
                changed.add(prefix + "phone");
            }
            if (contact.preferredChannel() != g.preferredChannel) {
                g.preferredChannel = contact.preferredChannel();
                changed.add(prefix + "preferredChannel");
            }
        }
        if (!changed.isEmpty()) {
            OffsetDateTime now = time.now();
            yp.touch(now);
            audit.record(yp, Action.CONTACT_DETAILS_CHANGED, null, String.join(",", changed), changedBy, now);
        }
        return yp;
    }

    @Transactional
    public Consent recordConsent(String organisation, UUID youngPersonId, RecordConsent request, String recordedBy) {
        YoungPerson yp = get(organisation, youngPersonId);
        if (yp.isAnonymised()) {
            throw new RuleViolationException("anonymised-records-stay-anonymised",
                    "this record was anonymised under the retention policy; register the young person again");
        }
        OrganisationSettings policy = policies.of(organisation);
        OffsetDateTime expiresAt = request.expiresAt() != null
                ? request.expiresAt()
                : request.givenAt().plus(policy.defaultValidity());
        OffsetDateTime now = time.now();
        Consent consent = Consent.record(yp, request.scope(), request.platforms(), request.givenBy(),
                request.guardianId(), request.evidenceReference().strip(), request.evidenceMethod(),
                request.givenAt(), expiresAt, now, recordedBy, policy.selfConsentAllowed);
        consent.persist();
        yp.touch(now);
        audit.record(yp, Action.CONSENT_RECORDED, consent.id, null, recordedBy, now);
        outbox.publish(consent.id, new ConsentGrantedV1(consent.id, yp.id, organisation, consent.scope,
                consent.platforms, consent.givenBy, consent.guardianId, consent.givenAt, consent.expiresAt));
        return consent;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
