package org.safesessions.kit.inbox;

/** An event whose payload this consumer can never apply (wrong shape, unknown reference): retrying is pointless. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
        super(message);
    }
}
