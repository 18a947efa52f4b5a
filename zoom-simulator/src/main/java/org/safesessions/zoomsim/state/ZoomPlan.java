package org.safesessions.zoomsim.state;

/**
 * The account's plan, which sets its per-second limits by request type (Zoom's rate limits page: Pro, and
 * "Business+" for Business, Education, Enterprise and Partner accounts).
 */
public enum ZoomPlan {
    PRO(30, 20, 10),
    BUSINESS(80, 60, 40),
    BUSINESS_PLUS(80, 60, 40),
    ENTERPRISE(80, 60, 40),
    EDUCATION(80, 60, 40);

    private final int light;
    private final int medium;
    private final int heavy;

    ZoomPlan(int light, int medium, int heavy) {
        this.light = light;
        this.medium = medium;
        this.heavy = heavy;
    }

    /** Requests per second the account may make in {@code category}. */
    public int perSecond(RateLimitCategory category) {
        return switch (category) {
            case LIGHT -> light;
            case MEDIUM -> medium;
            case HEAVY -> heavy;
        };
    }
}
