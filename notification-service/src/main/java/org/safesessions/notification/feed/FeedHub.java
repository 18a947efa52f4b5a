package org.safesessions.notification.feed;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pushes new in-app messages to the staff members watching their feed (server-sent events). Only messages already
 * recorded as sent are pushed; a client that was away reads the rest from the list.
 */
@ApplicationScoped
public class FeedHub {

    private record Addressed(String organisation, String userName, FeedItem item) {
    }

    private final BroadcastProcessor<Addressed> published = BroadcastProcessor.create();

    public void publish(String organisation, String userName, FeedItem item) {
        published.onNext(new Addressed(organisation, userName, item));
    }

    public Multi<FeedItem> stream(String organisation, String userName) {
        return published
                .filter(a -> a.organisation().equals(organisation) && a.userName().equals(userName))
                .map(Addressed::item);
    }
}
