package org.safesessions.session.booking;

public enum InvitationStatus {
    INVITED,
    REMOVED
}
