package org.safesessions.notification.domain;

import java.util.Locale;

/**
 * The language a family member reads their messages in, as consent-service records it ({@code en} or {@code cy},
 * SPEC §3): English, or Welsh (the Welsh Language Standards bind councils in Wales). Staff messages are English.
 */
public enum Language {
    EN("en"),
    CY("cy");

    private final String code;
    private final Locale locale;

    Language(String code) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code);
    }

    public String code() {
        return code;
    }

    /** Picks the message bundle's language when a template is rendered. */
    public Locale locale() {
        return locale;
    }

    /** What consent-service answered; anything but {@code cy} (none, or a value this service does not know) is English. */
    public static Language ofCode(String code) {
        return "cy".equalsIgnoreCase(code == null ? null : code.strip()) ? CY : EN;
    }
}
