package org.safesessions.notification.application;

import org.safesessions.notification.domain.Delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One message in a staff member's in-app feed; {@code position} is its place in their feed (the stream's event id),
 * null only for a message not yet shown.
 */
public record FeedMessage(UUID id, Long position, String template, String title, String body, boolean urgent,
                          OffsetDateTime createdAt, OffsetDateTime readAt) {

    public static FeedMessage of(Delivery d) {
        return new FeedMessage(d.id, d.feedPosition, d.templateKey, d.title, d.body, d.urgent, d.createdAt, d.readAt);
    }
}
