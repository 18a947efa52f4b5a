package org.safesessions.events.safeguarding;

/** What a concern is about (SPEC §5). */
public enum ConcernCategory {
    BULLYING,
    CYBERBULLYING,
    EMOTIONAL_ABUSE,
    PHYSICAL_ABUSE,
    SEXUAL_ABUSE,
    SEXUAL_EXPLOITATION,
    SEXTING,
    NEGLECT,
    SELF_HARM,
    RADICALISATION,
    DOMESTIC_ABUSE,
    INAPPROPRIATE_CONTENT,
    STRANGER_CONTACT,
    INAPPROPRIATE_DRESS_OR_LANGUAGE,
    OTHER
}
