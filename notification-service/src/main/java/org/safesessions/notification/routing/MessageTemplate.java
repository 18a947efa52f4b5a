package org.safesessions.notification.routing;

import java.util.Arrays;
import java.util.Optional;

/** The messages this service sends; each has a plain-text and an HTML Qute template under templates/messages/. */
public enum MessageTemplate {
    CONSENT_CONFIRMATION("consent-confirmation", "Consent recorded for {youngPersonName}");

    private final String key;
    private final String subject;

    MessageTemplate(String key, String subject) {
        this.key = key;
        this.subject = subject;
    }

    public String key() {
        return key;
    }

    /** The subject as a Qute template source. */
    public String subject() {
        return subject;
    }

    public static Optional<MessageTemplate> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
