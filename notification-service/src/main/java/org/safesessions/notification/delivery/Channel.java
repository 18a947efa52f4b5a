package org.safesessions.notification.delivery;

public enum Channel {
    EMAIL,
    SMS,
    IN_APP
}
