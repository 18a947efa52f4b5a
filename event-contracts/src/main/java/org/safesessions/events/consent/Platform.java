package org.safesessions.events.consent;

/** Online platforms a consent may cover and an organisation may approve. */
public enum Platform {
    ZOOM,
    TEAMS,
    GOOGLE_MEET,
    WHATSAPP,
    MESSENGER,
    SKYPE,
    INSTAGRAM,
    DISCORD
}
