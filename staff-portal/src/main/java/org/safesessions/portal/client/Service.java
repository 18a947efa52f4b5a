package org.safesessions.portal.client;

/** The four services the portal calls, in the words a page uses when one of them is down. */
public enum Service {
    CONSENT("young people and consents"),
    SESSION("sessions"),
    SAFEGUARDING("safeguarding concerns"),
    NOTIFICATION("notifications");

    private final String whatItHolds;

    Service(String whatItHolds) {
        this.whatItHolds = whatItHolds;
    }

    public String whatItHolds() {
        return whatItHolds;
    }
}
