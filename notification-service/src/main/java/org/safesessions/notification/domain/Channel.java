package org.safesessions.notification.domain;

public enum Channel {
    EMAIL,
    SMS,
    IN_APP,
    /** A family's message before it is addressed: each member gets it on the channel they prefer. */
    PREFERRED
}
