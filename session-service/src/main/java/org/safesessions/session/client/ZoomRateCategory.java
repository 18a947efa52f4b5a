package org.safesessions.session.client;

/**
 * Zoom's request types ("Rate Limit Label" on each operation in the Meeting API reference), each with its own
 * per-second account limit by plan (Zoom's rate limits page): Pro 30/20/10, Business and above 80/60/40.
 */
public enum ZoomRateCategory {
    LIGHT(30, 80), MEDIUM(20, 60), HEAVY(10, 40);

    private final int pro;
    private final int businessAndAbove;

    ZoomRateCategory(int pro, int businessAndAbove) {
        this.pro = pro;
        this.businessAndAbove = businessAndAbove;
    }

    /** Requests per second the account may make in this category on {@code plan}. */
    public int perSecond(ZoomPlan plan) {
        return plan == ZoomPlan.PRO ? pro : businessAndAbove;
    }

    /** The account's plan; Business, Business Plus, Enterprise and Education share one set of limits. */
    public enum ZoomPlan {
        PRO, BUSINESS, BUSINESS_PLUS, ENTERPRISE, EDUCATION
    }
}
