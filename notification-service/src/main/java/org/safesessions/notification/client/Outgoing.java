package org.safesessions.notification.client;

import org.safesessions.notification.domain.MessageRequest;

import org.safesessions.notification.client.ConsentServiceContacts.Contacts;

import java.util.List;

/** What sending a delivery comes to, once its recipient is looked up and its message rendered. */
public sealed interface Outgoing {

    /**
     * A family message addressed: one message per family member, queued in place of this one. {@code contacts} are
     * the family's as the addressing looked them up just now (null for staff), for sending those messages at once.
     */
    record Addressed(List<MessageRequest> messages, Contacts contacts) implements Outgoing {
    }

    /** A message for SMTP or the SMS provider: {@link #handOver()} sends it, and throws if it was not accepted. */
    record HandOver(Runnable send) implements Outgoing {
        public void handOver() {
            send.run();
        }
    }

    /** An in-app message: recorded in the feed in the same transaction as its delivery record. */
    record InApp(String title, String body) implements Outgoing {
    }
}
