package org.safesessions.notification.delivery;

/** The recipient cannot be reached on this channel (no address, no longer registered): suppressed, not retried. */
public class RecipientUnavailableException extends RuntimeException {
    public RecipientUnavailableException(String reason) {
        super(reason);
    }
}
