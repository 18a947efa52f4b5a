package org.safesessions.events.safeguarding;

/** A partner council's response to a referral. */
public enum CouncilDecision {
    RECEIVED,
    ACCEPTED,
    NO_FURTHER_ACTION
}
