package org.safesessions.events.consent;

/** What a consent covers (SPEC §3). */
public enum ConsentScope {
    GROUP_SESSIONS,
    ONE_TO_ONE_SESSIONS,
    PHOTOGRAPHY_FILMING,
    INFORMATION_SHARING
}
