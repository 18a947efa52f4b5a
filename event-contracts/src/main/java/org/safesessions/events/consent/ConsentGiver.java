package org.safesessions.events.consent;

/** Who gave a consent: a registered guardian, or the young person themself (13+, where policy allows). */
public enum ConsentGiver {
    GUARDIAN,
    YOUNG_PERSON
}
