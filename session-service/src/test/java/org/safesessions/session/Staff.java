package org.safesessions.session;

/**
 * Keycloak user ids of the realm's demo staff as test-kit's Keycloak stand-in gives them (constants, so that
 * {@code @Claim(key = "sub", ...)} can name them; {@code FacilitatorIdentityTest} checks they match).
 */
final class Staff {

    static final String WORKER_A = "9002ca99-d5ad-3eb9-8713-f75cb81ead21";
    static final String WORKER2_A = "97eb303d-da35-3492-b8a7-7a5b12aac274";
    /** Not in the realm: a youth worker who leads nothing. */
    static final String WORKER3_A = "00a79fa6-2cce-31a1-a46e-c419ea86b556";

    private Staff() {
    }
}
