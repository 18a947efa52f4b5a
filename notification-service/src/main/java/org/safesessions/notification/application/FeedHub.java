package org.safesessions.notification.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes the open streams of a member of staff when one of their in-app messages has been shown (after its commit).
 * It carries no message: each stream reads what follows the last place it sent from the database, so a wake-up that
 * comes late, twice or not at all (another replica showed it) loses and doubles nothing.
 */
@ApplicationScoped
public class FeedHub {

    private record Owner(String organisation, String owner) {
    }

    private final Map<Owner, Set<FeedStream>> watching = new ConcurrentHashMap<>();

    /** A message of {@code owner}'s feed (Keycloak id, or user name for rows from before ids) was shown. */
    public void shown(String organisation, String owner) {
        watching.getOrDefault(new Owner(organisation, owner), Set.of()).forEach(FeedStream::wake);
    }

    void watch(FeedStream stream) {
        watching.compute(new Owner(stream.organisation(), stream.owner()), (k, streams) -> {
            Set<FeedStream> all = streams != null ? streams : ConcurrentHashMap.newKeySet();
            all.add(stream);
            return all;
        });
    }

    void unwatch(FeedStream stream) {
        watching.computeIfPresent(new Owner(stream.organisation(), stream.owner()), (k, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }
}
