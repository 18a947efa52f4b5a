package org.safesessions.zoomsim.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.safesessions.zoomsim.config.ZoomSimConfig;
import org.safesessions.zoomsim.state.Meeting;
import org.safesessions.zoomsim.state.MeetingStatus;
import org.safesessions.zoomsim.state.MeetingStore;

/** Builds Zoom's event bodies and posts them, signed, to the app's webhook endpoint. */
@ApplicationScoped
public class WebhookDispatcher {

    public static final String PARTICIPANT_JOINED = "meeting.participant_joined";
    public static final String PARTICIPANT_LEFT = "meeting.participant_left";
    public static final String MEETING_STARTED = "meeting.started";
    public static final String MEETING_ENDED = "meeting.ended";
    public static final String URL_VALIDATION = "endpoint.url_validation";
    public static final String JOINED_WAITING_ROOM = "meeting.participant_joined_waiting_room";
    public static final String ADMITTED = "meeting.participant_admitted";
    public static final String LEFT_WAITING_ROOM = "meeting.participant_left_waiting_room";
    /** Events the simulator can build from its own state. */
    public static final List<String> BUILT_EVENTS = List.of(PARTICIPANT_JOINED, PARTICIPANT_LEFT, MEETING_STARTED,
            MEETING_ENDED, URL_VALIDATION, JOINED_WAITING_ROOM, ADMITTED, LEFT_WAITING_ROOM);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    ZoomSimConfig config;

    @Inject
    MeetingStore meetings;

    @Inject
    ObjectMapper objectMapper;

    /**
     * @throws IllegalArgumentException when the request names no event, or neither a payload
     *                                  nor what is needed to build one
     */
    public WebhookDelivery dispatch(WebhookRequest request) {
        if (request.event() == null || request.event().isBlank()) {
            throw new IllegalArgumentException("event is required, e.g. " + PARTICIPANT_JOINED);
        }
        Instant now = clock.instant();
        ObjectNode payload = request.payload() != null ? request.payload() : buildPayload(request, now);
        ObjectNode body = objectMapper.createObjectNode();
        body.put("event", request.event());
        body.put("event_ts", now.toEpochMilli());
        body.set("payload", payload);

        String secret = request.secret() != null ? request.secret() : config.webhook().secret();
        String target = request.targetUrl() != null ? request.targetUrl() : config.webhook().url();
        long offset = request.timestampOffsetSeconds() == null ? 0 : request.timestampOffsetSeconds();
        long timestamp = now.getEpochSecond() + offset;
        String rawBody = write(body);
        String signature = ZoomSignature.of(secret, timestamp, rawBody);

        HttpRequest post;
        try {
            post = HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofMillis(config.webhook().timeoutMs()))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Zoom Marketplace/1.0a")
                    .header("x-zm-request-timestamp", Long.toString(timestamp))
                    .header("x-zm-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(rawBody))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            throw new IllegalArgumentException("targetUrl is not a valid URL: " + target);
        }
        try {
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
            Boolean validated = URL_VALIDATION.equals(request.event())
                    ? urlValidationPassed(secret, payload, answer.body()) : null;
            return new WebhookDelivery(target, answer.statusCode(), answer.body(), null,
                    timestamp, signature, rawBody, validated);
        } catch (IOException e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new WebhookDelivery(target, null, null, "could not deliver to " + target + " (" + cause + ")",
                    timestamp, signature, rawBody, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering the webhook", e);
        }
    }

    private ObjectNode buildPayload(WebhookRequest request, Instant now) {
        if (URL_VALIDATION.equals(request.event())) {
            ObjectNode payload = objectMapper.createObjectNode();
            payload.put("plainToken", randomToken(22));
            return payload;
        }
        if (!BUILT_EVENTS.contains(request.event())) {
            throw new IllegalArgumentException("the simulator builds payloads for " + BUILT_EVENTS
                    + "; for " + request.event() + " send a payload");
        }
        if (request.meetingId() == null) {
            throw new IllegalArgumentException("meetingId is required to build a " + request.event() + " payload");
        }
        Meeting meeting = switch (request.event()) {
            // A real meeting changes state when it starts and ends; so does the simulated one.
            case MEETING_STARTED -> meetings.markStatus(request.meetingId(), MeetingStatus.STARTED);
            case MEETING_ENDED -> meetings.markStatus(request.meetingId(), MeetingStatus.WAITING);
            default -> meetings.find(request.meetingId());
        };
        ObjectNode object = meetingObject(meeting);
        switch (request.event()) {
            case PARTICIPANT_JOINED, PARTICIPANT_LEFT -> object.set("participant",
                    participant(request.participant(), request.event().equals(PARTICIPANT_JOINED), now));
            case JOINED_WAITING_ROOM, ADMITTED, LEFT_WAITING_ROOM -> object.set("participant",
                    waitingParticipant(request.participant(), now));
            case MEETING_STARTED -> object.put("start_time", zoomTime(now));
            case MEETING_ENDED -> object.put("end_time", zoomTime(now));
            default -> { }
        }
        ObjectNode payload = objectMapper.createObjectNode();
        payload.put("account_id", config.accountId());
        payload.set("object", object);
        return payload;
    }

    /** Zoom sends the meeting id as a string in meeting events. */
    private ObjectNode meetingObject(Meeting meeting) {
        ObjectNode object = objectMapper.createObjectNode();
        object.put("id", Long.toString(meeting.id()));
        object.put("uuid", meeting.uuid());
        object.put("host_id", meeting.host().id());
        object.put("topic", meeting.topic() == null ? "" : meeting.topic());
        object.put("type", meeting.type());
        object.put("start_time", zoomTime(meeting.startTime()));
        if (meeting.timezone() != null) {
            object.put("timezone", meeting.timezone());
        }
        if (meeting.duration() != null) {
            object.put("duration", meeting.duration());
        }
        return object;
    }

    /** The test's participant fields win; whatever Zoom always sends is filled in. */
    private ObjectNode participant(ObjectNode given, boolean joined, Instant now) {
        ObjectNode participant = objectMapper.createObjectNode();
        participant.put("user_id", Long.toString(16_000_000L + random.nextInt(1_000_000)));
        participant.put("user_name", "Guest");
        participant.put("participant_uuid", randomToken(22));
        participant.put(joined ? "join_time" : "leave_time", zoomTime(now));
        participant.put("email", "");
        if (!joined) {
            participant.put("leave_reason", "left the meeting. Reason : left the meeting");
        }
        if (given != null) {
            participant.setAll(given);
        }
        return participant;
    }

    /** A waiting-room participant: Zoom's fields, {@code date_time} when it happened; the test's fields win. */
    private ObjectNode waitingParticipant(ObjectNode given, Instant now) {
        ObjectNode participant = objectMapper.createObjectNode();
        participant.put("user_id", Long.toString(16_000_000L + random.nextInt(1_000_000)));
        participant.put("user_name", "Guest");
        participant.put("participant_uuid", randomToken(22));
        participant.put("date_time", zoomTime(now));
        participant.put("email", "");
        if (given != null) {
            participant.setAll(given);
        }
        return participant;
    }

    private Boolean urlValidationPassed(String secret, ObjectNode payload, String answer) {
        try {
            JsonNode answered = objectMapper.readTree(answer);
            String plainToken = payload.path("plainToken").asText();
            return plainToken.equals(answered.path("plainToken").asText())
                    && ZoomSignature.encryptedToken(secret, plainToken).equals(answered.path("encryptedToken").asText());
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }

    private String write(ObjectNode body) {
        try {
            return objectMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode always serialises", e);
        }
    }

    private static String zoomTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private String randomToken(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }
}
