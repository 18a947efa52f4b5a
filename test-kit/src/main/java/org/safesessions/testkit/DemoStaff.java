package org.safesessions.testkit;

/**
 * Keycloak user ids of the realm's demo staff as {@link KeycloakResource} gives them, as constants, so that a test's
 * {@code @Claim(key = "sub", value = DemoStaff.WORKER_A)} can name the member of staff its token stands for. Each
 * service that uses them has a test checking they are still the stand-in's ids ({@link KeycloakResource#idOf}).
 */
public final class DemoStaff {

    public static final String WORKER_A = "9002ca99-d5ad-3eb9-8713-f75cb81ead21";
    public static final String WORKER2_A = "97eb303d-da35-3492-b8a7-7a5b12aac274";
    public static final String COORD_A = "5706dcd8-5fcf-3767-90a1-d2f5c2cc8dc3";
    public static final String DSL_A = "626f097f-98d6-32a2-8659-0b1ceb55c82c";
    public static final String MANAGER_A = "62ac6dc9-ae63-3048-a6d0-5c5c84b7930c";
    public static final String DSL_B = "bc09a2b9-2649-390f-bd43-c5236565dedc";
    /** Not in the realm: a youth worker who leads nothing. */
    public static final String WORKER3_A = "00a79fa6-2cce-31a1-a46e-c419ea86b556";
    /** Not in the realm: a second DSL that tests add to org-a. */
    public static final String DSL2_A = "4fb680fe-3a2c-3ffe-9cbd-5e8d8008e9a0";

    private DemoStaff() {
    }
}
