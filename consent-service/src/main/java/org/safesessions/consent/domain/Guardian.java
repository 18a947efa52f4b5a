package org.safesessions.consent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A parent or carer of a young person: the person who gives consent and is told about sessions. */
@Entity
@Table(name = "guardian")
public class Guardian {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "young_person_id")
    public YoungPerson youngPerson;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String relationship;

    public String email;

    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel", nullable = false)
    public ContactChannel preferredChannel;

    /** The language this guardian's messages are written in (English unless they chose Welsh). */
    @Convert(converter = Language.Code.class)
    @Column(name = "preferred_language", nullable = false)
    public Language preferredLanguage = Language.EN;

    /**
     * A guardian's new contact details, for {@link YoungPerson#changeContactDetails}; {@code preferredLanguage} null
     * keeps the one they have.
     */
    public record Contact(UUID guardianId, String email, String phone, ContactChannel preferredChannel,
                          Language preferredLanguage) {
        public Contact(UUID guardianId, String email, String phone, ContactChannel preferredChannel) {
            this(guardianId, email, phone, preferredChannel, null);
        }
    }

    static Guardian of(YoungPerson youngPerson, int position, String name, String relationship, String email,
                       String phone, ContactChannel preferredChannel, Language language) {
        Guardian g = new Guardian();
        g.id = UUID.randomUUID();
        g.youngPerson = youngPerson;
        g.position = position;
        g.name = name.strip();
        g.relationship = relationship.strip();
        g.email = YoungPerson.blankToNull(email);
        g.phone = YoungPerson.blankToNull(phone);
        g.preferredChannel = preferredChannel;
        g.preferredLanguage = language;
        return g;
    }

    /** Takes the new contact details; returns the names of the fields that changed. */
    List<String> changeContact(Contact contact) {
        List<String> changed = new ArrayList<>();
        String newEmail = YoungPerson.blankToNull(contact.email());
        String newPhone = YoungPerson.blankToNull(contact.phone());
        if (!Objects.equals(newEmail, email)) {
            email = newEmail;
            changed.add("email");
        }
        if (!Objects.equals(newPhone, phone)) {
            phone = newPhone;
            changed.add("phone");
        }
        if (contact.preferredChannel() != preferredChannel) {
            preferredChannel = contact.preferredChannel();
            changed.add("preferredChannel");
        }
        if (contact.preferredLanguage() != null && contact.preferredLanguage() != preferredLanguage) {
            preferredLanguage = contact.preferredLanguage();
            changed.add("preferredLanguage");
        }
        return changed;
    }

    /** Retention: the guardian stays as a row (consents point at it) without anything that identifies them. */
    void anonymise() {
        name = YoungPerson.ANONYMISED;
        relationship = YoungPerson.ANONYMISED;
        email = null;
        phone = null;
    }
}
