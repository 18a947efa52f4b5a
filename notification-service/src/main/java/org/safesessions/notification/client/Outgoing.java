package org.safesessions.notification.client;

import org.safesessions.notification.domain.MessageRequest;

import java.util.List;

/** What sending a delivery comes to, once its recipient is looked up and its message rendered. */
public sealed interface Outgoing {

    /** A family message addressed: one message per family member, queued in place of this one. */
    record Addressed(List<MessageRequest> messages) implements Outgoing {
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
