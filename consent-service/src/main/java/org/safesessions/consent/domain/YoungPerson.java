package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A young person taking part in sessions, with the guardians who consent for them. Only what the features need. */
@Entity
@Table(name = "young_person")
public class YoungPerson extends PanacheEntityBase {

    /** Young people of this age or over may consent for themselves where the organisation allows it. */
    public static final int SELF_CONSENT_AGE = 13;

    /** What retention leaves in place of a name. */
    public static final String ANONYMISED = "anonymised";

    /** What retention replaces, as the audit names it (field names, never values). */
    public static final String ANONYMISED_FIELDS = "preferredName,dateOfBirth,email,guardians,"
            + "consents.evidenceReference,withdrawals.reason";

    /** A young person has at most this many guardians on record. */
    public static final int MAX_GUARDIANS = 4;

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "preferred_name", nullable = false)
    public String preferredName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    /** The young person's own email, for invitations once they are 13 or over; optional. */
    public String email;

    /** The language the young person's own messages are written in (English unless they chose Welsh). */
    @Convert(converter = Language.Code.class)
    @Column(name = "preferred_language", nullable = false)
    public Language preferredLanguage = Language.EN;

    /** The last change to this record or its consents: retention counts inactivity from here. */
    @Column(name = "last_active_at", nullable = false)
    public OffsetDateTime lastActiveAt;

    /** When retention replaced the personal data with anonymised values; null while the record is live. */
    @Column(name = "anonymised_at")
    public OffsetDateTime anonymisedAt;

    @OneToMany(mappedBy = "youngPerson", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Guardian> guardians = new ArrayList<>();

    /**
     * Registers a young person, without guardians yet ({@link #addGuardian}): names and codes as given, stripped of
     * surrounding spaces; a blank email is none. Registration is the record's first activity (retention counts from
     * it).
     */
    public static YoungPerson register(String organisation, String preferredName, LocalDate dateOfBirth,
                                       String localAuthorityCode, String email, String registeredBy,
                                       OffsetDateTime now) {
        YoungPerson yp = new YoungPerson();
        yp.id = UUID.randomUUID();
        yp.organisation = organisation;
        yp.preferredName = preferredName.strip();
        yp.dateOfBirth = dateOfBirth;
        yp.localAuthorityCode = localAuthorityCode;
        yp.email = blankToNull(email);
        yp.registeredAt = now;
        yp.registeredBy = registeredBy;
        yp.lastActiveAt = now;
        return yp;
    }

    /** Adds a guardian after those already named, in the order they were given. */
    public Guardian addGuardian(String name, String relationship, String email, String phone,
                                ContactChannel preferredChannel) {
        return addGuardian(name, relationship, email, phone, preferredChannel, Language.EN);
    }

    /** Adds a guardian who reads their messages in {@code language} (null: English). */
    public Guardian addGuardian(String name, String relationship, String email, String phone,
                                ContactChannel preferredChannel, Language language) {
        Guardian guardian = Guardian.of(this, guardians.size(), name, relationship, email, phone, preferredChannel,
                language == null ? Language.EN : language);
        guardians.add(guardian);
        return guardian;
    }

    /** The young person's own messages in {@code language}; null: English. Returns whether it changed. */
    public boolean prefer(Language language) {
        Language chosen = language == null ? Language.EN : language;
        boolean changed = chosen != preferredLanguage;
        preferredLanguage = chosen;
        return changed;
    }

    /**
     * New contact details: the young person's own email (blank or null removes it) and, for each guardian listed,
     * their email, phone and preferred channel; guardians not listed keep theirs. Returns the names of the fields
     * that changed (for the audit: never their values); a change starts the retention period again.
     */
    public List<String> changeContactDetails(String newEmail, List<Guardian.Contact> guardianContacts,
                                             OffsetDateTime now) {
        return changeContactDetails(newEmail, null, guardianContacts, now);
    }

    /** As above, and the young person's preferred language when one is given (null keeps it). */
    public List<String> changeContactDetails(String newEmail, Language newLanguage,
                                             List<Guardian.Contact> guardianContacts, OffsetDateTime now) {
        mustNotBeAnonymised("this record was anonymised under the retention policy");
        List<String> changed = new ArrayList<>();
        String email = blankToNull(newEmail);
        if (!Objects.equals(email, this.email)) {
            this.email = email;
            changed.add("email");
        }
        if (newLanguage != null && prefer(newLanguage)) {
            changed.add("preferredLanguage");
        }
        for (Guardian.Contact contact : guardianContacts) {
            Guardian guardian = guardian(contact.guardianId()).orElseThrow(() -> new RuleViolationException(
                    "guardian-of-this-young-person", "each guardian must be one of this young person's guardians"));
            guardian.changeContact(contact).forEach(field -> changed.add("guardians[" + guardian.position + "]." + field));
        }
        if (!changed.isEmpty()) {
            touch(now);
        }
        return changed;
    }

    /** Retention has the last word: an anonymised record takes no new personal data and no new consent. */
    void mustNotBeAnonymised(String detail) {
        if (isAnonymised()) {
            throw new RuleViolationException("anonymised-records-stay-anonymised", detail);
        }
    }

    /** Something happened to this record: the retention period starts again. */
    public void touch(OffsetDateTime now) {
        if (lastActiveAt == null || now.isAfter(lastActiveAt)) {
            lastActiveAt = now;
        }
    }

    /**
     * Retention: keeps the ids (so every published event and every consent still refers to a record) and the
     * local authority code, replaces what identifies a person. The date of birth keeps only its year; the free text
     * of its consents (evidence references) and withdrawals (reasons) goes too.
     */
    public void anonymise(OffsetDateTime now) {
        Consent.anonymiseEvidenceOf(id);
        ConsentWithdrawal.anonymiseReasonsOf(id);
        preferredName = ANONYMISED;
        dateOfBirth = dateOfBirth.withDayOfYear(1);
        email = null;
        for (Guardian guardian : guardians) {
            guardian.anonymise();
        }
        anonymisedAt = now;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public int ageOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    public Optional<Guardian> guardian(UUID guardianId) {
        return guardians.stream().filter(g -> g.id.equals(guardianId)).findFirst();
    }

    /** An organisation's young people, newest first, optionally those whose preferred name contains {@code name}. */
    public static PanacheQuery<YoungPerson> ofOrganisation(String organisation, String name) {
        if (name == null || name.isBlank()) {
            return find("organisation = ?1 order by registeredAt desc, id", organisation);
        }
        return find("organisation = ?1 and lower(preferredName) like ?2 order by registeredAt desc, id",
                organisation, "%" + name.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
    }

    /**
     * How many young people the organisation has, as {@code ofOrganisation(organisation, null).count()} would say: the
     * total young_person_count keeps (V41), one row to read however many there are.
     */
    public static long countOfOrganisation(String organisation) {
        return ((Number) getEntityManager().createNativeQuery(
                        "select coalesce((select young_people from young_person_count where organisation = ?1), 0)")
                .setParameter(1, organisation).getSingleResult()).longValue();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Tenancy: a young person of another organisation is treated exactly like a missing one. */
    public static Optional<YoungPerson> findInOrganisation(UUID id, String organisation) {
        return find("id = ?1 and organisation = ?2", id, organisation).firstResultOptional();
    }
}
