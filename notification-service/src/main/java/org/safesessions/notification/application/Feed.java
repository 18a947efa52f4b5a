package org.safesessions.notification.application;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
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

import java.util.UUID;

/** The caller's own in-app feed: what they were told, newest first, read or unread, and live as it arrives. */
@ApplicationScoped
public class Feed {

    /** The caller's messages: by Keycloak id (the token's subject); rows from before ids were stored, by user name. */
    private static final String MINE = "organisation = :org and (staffUserId = :me or (staffUserId is null and staffUserName = :user))"
            + " and channel = :inApp and status = :sent";

    @Inject
    JsonWebToken token;

    @Inject
    Caller caller;

    @Inject
    FeedHub hub;

    @Inject
    Time time;

    public Listed<FeedMessage> list(int page, int size, boolean unreadOnly) {
        var query = Delivery.<Delivery>find(MINE + (unreadOnly ? " and readAt is null" : ""),
                Sort.descending("createdAt").and("id"), mine());
        return new Listed<>(query.page(page, size).list().stream().map(FeedMessage::of).toList(), query.count());
    }

    /** New messages as they arrive. */
    public Multi<FeedMessage> stream() {
        return hub.stream(caller.organisation(), callerId(), caller.userName());
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
        String id = callerId();
        return Parameters.with("org", caller.organisation())
                .and("me", id != null ? id : "").and("user", id != null ? "" : caller.userName())
                .and("inApp", Channel.IN_APP).and("sent", DeliveryStatus.SENT);
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
