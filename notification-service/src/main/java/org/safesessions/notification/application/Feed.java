package org.safesessions.notification.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.FeedPositions;

import java.time.OffsetDateTime;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The caller's own in-app feed: what they were told, newest first, read or unread, and live as it is shown (each
 * message once, in its place in their feed; a reconnecting client is sent what it missed).
 */
@ApplicationScoped
public class Feed {

    /**
     * The caller's messages: by Keycloak id (the token's subject); rows from before ids were stored, by user name. One
     * key, {@code coalesce(staffUserId, staffUserName)}, so a page and its total are read from one index (V13) however
     * many messages the caller has, rather than from two merged by an OR.
     */
    private static final String MINE = "organisation = :org and coalesce(staffUserId, staffUserName) = :me"
            + " and channel = :inApp and status = :sent";

    @Inject
    JsonWebToken token;

    @Inject
    Caller caller;

    @Inject
    FeedHub hub;

    @Inject
    Time time;

    @Inject
    FeedPositions positions;

    @Inject
    FeedSettings settings;

    public Listed<FeedMessage> list(int page, int size, boolean unreadOnly) {
        var query = Delivery.<Delivery>find(MINE + (unreadOnly ? " and readAt is null" : ""),
                Sort.descending("createdAt").and("id"), mine());
        long total = Delivery.countInFeed(caller.organisation(), feedKey(), unreadOnly);
        return new Listed<>(query.page(page, size).list().stream().map(FeedMessage::of).toList(), total);
    }

    /**
     * The caller's messages as they are shown, each once and in order, with a keep-alive every so often. With
     * {@code lastSeen} (the place of the last message a client received, its Last-Event-ID) the stream first sends
     * what followed it, as far back as the replay window, then goes on live; without it, it starts from now. A place
     * beyond the caller's last one (not one of theirs) counts as their last.
     */
    public Multi<FeedEvent> stream(OptionalLong lastSeen) {
        String organisation = caller.organisation();
        String id = callerId();
        String owner = id != null ? id : caller.userName();
        OffsetDateTime asked = time.now();
        return Multi.createFrom().emitter(emitter -> {
            FeedStream stream = new FeedStream(organisation, owner,
                    () -> QuarkusTransaction.requiringNew().call(() -> startingPlace(organisation, owner, lastSeen, asked)),
                    after -> QuarkusTransaction.requiringNew().call(() -> positions.after(organisation, owner, after,
                            FeedStream.BATCH).stream().map(FeedMessage::of).toList()),
                    emitter);
            Cancellable ticking = Multi.createFrom().ticks().every(settings.keepAlive()).subscribe()
                    .with(tick -> stream.keepAlive(), failure -> { });
            emitter.onTermination(() -> {
                ticking.cancel();
                hub.unwatch(stream);
            });
            hub.watch(stream); // before the starting place is read: anything shown after that read wakes the stream
            stream.wake();
        });
    }

    private long startingPlace(String organisation, String owner, OptionalLong lastSeen, OffsetDateTime asked) {
        long last = positions.last(organisation, owner);
        if (lastSeen.isEmpty()) {
            return last;
        }
        long beforeWindow = positions.lastShownBefore(organisation, owner, asked.minus(settings.replayWindow()));
        return Math.max(Math.min(lastSeen.getAsLong(), last), beforeWindow);
    }

    @Transactional
    public FeedMessage markRead(UUID id) {
        Delivery d = find(id);
        d.markRead(time.now());
        return FeedMessage.of(d);
    }

    @Transactional
    public FeedMessage markUnread(UUID id) {
        Delivery d = find(id);
        d.markUnread();
        return FeedMessage.of(d);
    }

    private Parameters mine() {
        return Parameters.with("org", caller.organisation()).and("me", feedKey())
                .and("inApp", Channel.IN_APP).and("sent", DeliveryStatus.SENT);
    }

    /** The caller's key in the feed: their Keycloak id, or their user name for a token without one. */
    private String feedKey() {
        String id = callerId();
        return id != null ? id : caller.userName();
    }

    /** The caller's Keycloak user id, the token's subject; null only for a token without one. */
    private String callerId() {
        String subject = token.getSubject();
        return subject == null || subject.isBlank() ? null : subject;
    }

    private Delivery find(UUID id) {
        return Delivery.<Delivery>find(MINE + " and id = :id", mine().and("id", id)).firstResultOptional()
                .orElseThrow(() -> new RecordNotFoundException("notification"));
    }
}
