package org.safesessions.notification.domain;

public enum DeliveryStatus {
    /** Waiting to be sent (or held back by quiet hours). */
    QUEUED,
    /** Claimed by a sender, leased until {@code nextAttemptAt}; taken up again only if that lease runs out. */
    SENDING,
    /** Accepted by the channel (SMTP server, SMS provider, in-app feed). */
    SENT,
    /**
     * The last attempt failed; another is scheduled ({@code nextAttemptAt}), or none when the channel refused it for
     * good or reported it undelivered (a manager may retry it).
     */
    FAILED,
    /** The SMS gateway's delivery receipt says the message reached the phone. */
    DELIVERED,
    /** Deliberately not sent, with the reason (e.g. no email address). */
    SUPPRESSED,
    /** Retries exhausted: visible to managers, who may retry it. */
    DEAD_LETTERED
}
