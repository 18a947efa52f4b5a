package org.safesessions.notification.domain;

/**
 * The channel refused this message for good (e.g. an SMS gateway's 4xx for the number): FAILED with the reason, not
 * retried automatically. The reason names the kind of refusal, never the address.
 */
public class MessageRefusedException extends RuntimeException {
    public MessageRefusedException(String reason) {
        super(reason);
    }
}
