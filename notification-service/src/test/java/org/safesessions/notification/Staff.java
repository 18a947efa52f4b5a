package org.safesessions.notification;

/**
 * Keycloak user ids of the realm's demo staff as test-kit's Keycloak stand-in gives them: constants, so that
 * {@code @Claim(key = "sub", ...)} can name them ({@code AllegationAlertsTest} checks they match the stand-in).
 */
final class Staff {

    static final String WORKER_A = "9002ca99-d5ad-3eb9-8713-f75cb81ead21";
    static final String WORKER2_A = "97eb303d-da35-3492-b8a7-7a5b12aac274";
    static final String DSL_A = "626f097f-98d6-32a2-8659-0b1ceb55c82c";
    static final String MANAGER_A = "62ac6dc9-ae63-3048-a6d0-5c5c84b7930c";

    private Staff() {
    }
}
