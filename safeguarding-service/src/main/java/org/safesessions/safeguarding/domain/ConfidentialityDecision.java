package org.safesessions.safeguarding.domain;

/**
 * The seeds: "we might need to break their confidentiality if we believe that the young person or another young
 * person is in immediate danger". Either way the decision, its justification, who decided and who was informed
 * are recorded.
 */
public enum ConfidentialityDecision {
    BREAK_CONFIDENTIALITY,
    KEEP_CONFIDENTIAL
}
