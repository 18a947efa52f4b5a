package org.safesessions.consent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

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

    /** Retention: the guardian stays as a row (consents point at it) without anything that identifies them. */
    void anonymise() {
        name = YoungPerson.ANONYMISED;
        relationship = YoungPerson.ANONYMISED;
        email = null;
        phone = null;
    }
}
