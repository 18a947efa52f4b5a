package org.safesessions.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Locale;

/** An organisation's edited version of a message template; only ever saved once it rendered. */
@Entity
@Table(name = "message_template")
public class TemplateOverride extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String subject;

    @Column(name = "text_body", nullable = false)
    public String textBody;

    @Column(name = "html_body", nullable = false)
    public String htmlBody;

    /** Who saved it: their canonical (lower-case) user name, and their Keycloak user id (null for older edits). */
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_by_id")
    public String updatedById;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** A new, unsaved edited version of {@code templateKey} for the organisation. */
    public static TemplateOverride create(String organisation, String templateKey) {
        TemplateOverride o = new TemplateOverride();
        o.key = new Key(organisation, templateKey);
        return o;
    }

    /** Replaces the sources (only ever with ones that rendered). */
    public void change(TemplateSource source, String byUserName, String byUserId, OffsetDateTime now) {
        subject = source.subject();
        textBody = source.text();
        htmlBody = source.html();
        updatedBy = byUserName.toLowerCase(Locale.ROOT);
        updatedById = byUserId;
        updatedAt = now;
    }

    public TemplateSource source() {
        return new TemplateSource(subject, textBody, htmlBody);
    }

    @Embeddable
    public record Key(@Column(name = "organisation") String organisation,
                      @Column(name = "template_key") String templateKey) implements Serializable {
    }
}
