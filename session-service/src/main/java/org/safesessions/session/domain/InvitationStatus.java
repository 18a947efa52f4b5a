package org.safesessions.session.domain;

public enum InvitationStatus {
    INVITED,
    REMOVED
}
