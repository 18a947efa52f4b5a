package org.safesessions.notification.application;

/** What the live stream sends: a message of the caller's feed, or a keep-alive. */
public sealed interface FeedEvent {

    FeedEvent KEEP_ALIVE = new KeepAlive();

    record Item(FeedMessage message) implements FeedEvent {
    }

    /** Nothing new: keeps the connection open through proxies. */
    record KeepAlive() implements FeedEvent {
    }
}
