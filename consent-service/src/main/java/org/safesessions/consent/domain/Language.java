package org.safesessions.consent.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Optional;

/**
 * The language a young person or guardian wants their messages in: English or Welsh (SPEC §3; councils in Wales
 * must offer Welsh under the Welsh Language Standards). Written as its ISO 639-1 code, {@code en} or {@code cy}.
 */
public enum Language {
    EN("en"),
    CY("cy");

    /**
     * What a request may give: a language code is case-insensitive (ISO 639, BCP 47), so {@code CY} is Welsh too; it
     * is always written back in lower case.
     */
    public static final String CODES = "[eE][nN]|[cC][yY]";

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The language with this code; none given is English, the default. */
    public static Language ofCode(String code) {
        if (code == null || code.isBlank()) {
            return EN;
        }
        return find(code).orElseThrow(() -> new IllegalArgumentException("not a language code: must be en or cy"));
    }

    public static Optional<Language> find(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code)).findFirst();
    }

    /** Stored as its code, as the API writes it. */
    @Converter
    public static class Code implements AttributeConverter<Language, String> {
        @Override
        public String convertToDatabaseColumn(Language language) {
            return language == null ? null : language.code;
        }

        @Override
        public Language convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
