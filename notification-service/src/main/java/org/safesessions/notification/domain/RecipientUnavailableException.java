package org.safesessions.notification.domain;

/** The recipient cannot be reached on this channel (no address, no longer registered): suppressed, not retried. */
public class RecipientUnavailableException extends RuntimeException {
    public RecipientUnavailableException(String reason) {
        super(reason);
    }
}
