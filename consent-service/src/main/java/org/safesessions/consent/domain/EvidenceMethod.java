package org.safesessions.consent.domain;

/** How the consent was evidenced. */
public enum EvidenceMethod {
    PAPER_FORM,
    ONLINE_FORM,
    EMAIL,
    VERBAL_RECORDED
}
