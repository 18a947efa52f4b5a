package org.safesessions.notification.staff;

/** What a staff member does, as far as being told things goes: DSLs get safeguarding alerts, coordinators get booking problems. */
public enum StaffRole {
    YOUTH_WORKER,
    COORDINATOR,
    SAFEGUARDING_LEAD,
    MANAGER
}
