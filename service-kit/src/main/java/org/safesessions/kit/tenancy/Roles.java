package org.safesessions.kit.tenancy;

/** The realm roles of SPEC §2. */
public final class Roles {
    public static final String YOUTH_WORKER = "youth-worker";
    public static final String COORDINATOR = "coordinator";
    public static final String SAFEGUARDING_LEAD = "safeguarding-lead";
    public static final String MANAGER = "manager";
    public static final String PARTNER_COUNCIL = "partner-council";
    /** Service accounts that look up contact details to send a message (notification-service). */
    public static final String CONTACT_READER = "contact-reader";
    /** Service accounts that read a young person's personal join details to send an invitation (notification-service). */
    public static final String INVITATION_READER = "invitation-reader";

    /** Operators (not charity staff, no organisation): list, replay and discard parked events; no personal data. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
