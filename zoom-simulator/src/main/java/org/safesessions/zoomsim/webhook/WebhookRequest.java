package org.safesessions.zoomsim.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A test's request to have an event delivered. Either {@code payload} is given and sent
 * as is, or the simulator builds Zoom's payload from {@code meetingId} (and
 * {@code participant}, whose fields are Zoom's own: user_name, email, registrant_id,
 * participant_uuid, user_id, join_time, leave_time).
 *
 * @param timestampOffsetSeconds added to the signed timestamp, e.g. -600 for a stale delivery
 * @param targetUrl              overrides {@code zoom-sim.webhook.url}
 * @param secret                 overrides {@code zoom-sim.webhook.secret}, e.g. to send a bad signature
 */
public record WebhookRequest(
        String event,
        ObjectNode payload,
        Long meetingId,
        ObjectNode participant,
        Long timestampOffsetSeconds,
        String targetUrl,
        String secret) {
}
