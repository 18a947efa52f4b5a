package org.safesessions.notification.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pushes new in-app messages to the staff members watching their feed (server-sent events). Only messages already
 * recorded as sent are pushed; a client that was away reads the rest from the list.
 */
@ApplicationScoped
public class FeedHub {

    private record Addressed(String organisation, String userId, String userName, FeedMessage item) {
    }

    private final BroadcastProcessor<Addressed> published = BroadcastProcessor.create();

    public void publish(String organisation, String userId, String userName, FeedMessage item) {
        published.onNext(new Addressed(organisation, userId, userName, item));
    }

    /** A member of staff's new messages: by Keycloak id when the watcher has one, else by user name. */
    public Multi<FeedMessage> stream(String organisation, String userId, String userName) {
        return published
                .filter(a -> a.organisation().equals(organisation) && (userId != null
                        ? userId.equals(a.userId()) : a.userId() == null && userName.equals(a.userName())))
                .map(Addressed::item);
    }
}
