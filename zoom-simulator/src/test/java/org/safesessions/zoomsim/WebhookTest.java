package org.safesessions.zoomsim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookTest {

    private static final String SECRET = "local-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer receiver;
    private String receiverUrl;
    private final AtomicReference<Received> received = new AtomicReference<>();
    private final AtomicInteger answerStatus = new AtomicInteger(200);
    private long meetingId;

    /** What the app's webhook endpoint saw. */
    record Received(String timestamp, String signature, String contentType, String rawBody) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/zoom/webhooks", this::receive);
        receiver.start();
        receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/zoom/webhooks";
        ZoomClient.resetSimulator();
        meetingId = ZoomClient.createMeeting("facilitator-a", ZoomClient.safeguardedMeeting("Art club"));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void participantJoinedIsSignedExactlyAsZoomSignsIt() throws Exception {
        given().contentType(ContentType.JSON)
                .body("""
                        {"event":"meeting.participant_joined","meetingId":%d,"targetUrl":"%s",
                         "participant":{"user_name":"Sam Young","email":"sam@example.org",
                                        "registrant_id":"reg-123","participant_uuid":"puuid-1"}}
                        """.formatted(meetingId, receiverUrl))
                .when().post("/_sim/webhooks")
                .then().statusCode(200);

        Received delivery = received.get();
        assertNotNull(delivery, "the receiver was called");
        long timestamp = Long.parseLong(delivery.timestamp());
        assertThat(timestamp, within(Instant.now().getEpochSecond(), 5));
        assertEquals("v0=" + hmacSha256Hex(SECRET, "v0:" + timestamp + ":" + delivery.rawBody()), delivery.signature());
        assertThat(delivery.contentType(), startsWith("application/json"));

        JsonNode body = JSON.readTree(delivery.rawBody());
        assertEquals("meeting.participant_joined", body.path("event").asText());
        assertThat(body.path("event_ts").asLong(), within(System.currentTimeMillis(), 10_000));
        assertEquals("local-account", body.at("/payload/account_id").asText());
        JsonNode object = body.at("/payload/object");
        assertEquals(Long.toString(meetingId), object.path("id").asText(), "Zoom sends the meeting id as a string");
        assertFalse(object.path("uuid").asText().isEmpty());
        assertEquals("facilitator-a", object.path("host_id").asText());
        assertEquals("Art club", object.path("topic").asText());
        JsonNode participant = object.path("participant");
        assertEquals("Sam Young", participant.path("user_name").asText());
        assertEquals("sam@example.org", participant.path("email").asText());
        assertEquals("reg-123", participant.path("registrant_id").asText());
        assertEquals("puuid-1", participant.path("participant_uuid").asText());
        assertFalse(participant.path("user_id").asText().isEmpty());
        assertThat(Instant.parse(participant.path("join_time").asText()).getEpochSecond(),
                within(Instant.now().getEpochSecond(), 5));
    }

    @Test
    void participantLeftCarriesLeaveTime() throws Exception {
        send("{\"event\":\"meeting.participant_left\",\"meetingId\":" + meetingId + ",\"targetUrl\":\"" + receiverUrl
                + "\",\"participant\":{\"user_name\":\"Sam Young\"}}", 200);

        JsonNode participant = JSON.readTree(received.get().rawBody()).at("/payload/object/participant");
        assertTrue(participant.has("leave_time"));
        assertFalse(participant.has("join_time"));
    }

    @Test
    void theTargetsAnswerIsReportedBack() {
        answerStatus.set(401);
        given().contentType(ContentType.JSON)
                .body("{\"event\":\"meeting.participant_joined\",\"meetingId\":" + meetingId
                        + ",\"targetUrl\":\"" + receiverUrl + "\"}")
                .when().post("/_sim/webhooks")
                .then().statusCode(200)
                .body("status", equalTo(401))
                .body("targetUrl", equalTo(receiverUrl));
    }

    @Test
    void timestampCanBeSentStaleForTheFiveMinuteRule() {
        send("{\"event\":\"meeting.participant_joined\",\"meetingId\":" + meetingId + ",\"targetUrl\":\"" + receiverUrl
                + "\",\"timestampOffsetSeconds\":-600}", 200);

        Received delivery = received.get();
        long timestamp = Long.parseLong(delivery.timestamp());
        assertThat(timestamp, within(Instant.now().getEpochSecond() - 600, 5));
        // Still correctly signed: only its age is wrong.
        assertEquals("v0=" + hmacSha256Hex(SECRET, "v0:" + timestamp + ":" + delivery.rawBody()), delivery.signature());
    }

    @Test
    void rawPayloadIsSentAsGiven() throws Exception {
        send("{\"event\":\"meeting.participant_joined\",\"targetUrl\":\"" + receiverUrl
                + "\",\"payload\":{\"account_id\":\"acc\",\"object\":{\"id\":\"42\",\"participant\":{\"user_name\":\"Zed\"}}}}", 200);

        JsonNode body = JSON.readTree(received.get().rawBody());
        assertEquals("42", body.at("/payload/object/id").asText());
        assertEquals("Zed", body.at("/payload/object/participant/user_name").asText());
    }

    @Test
    void urlValidationChecksTheEncryptedTokenTheTargetAnswers() {
        given().contentType(ContentType.JSON)
                .body("{\"event\":\"endpoint.url_validation\",\"targetUrl\":\"" + receiverUrl + "\"}")
                .when().post("/_sim/webhooks")
                .then().statusCode(200)
                .body("urlValidationPassed", equalTo(true));
    }

    @Test
    void meetingStartedWebhookMarksTheMeetingStarted() {
        send("{\"event\":\"meeting.started\",\"meetingId\":" + meetingId + ",\"targetUrl\":\"" + receiverUrl + "\"}", 200);

        ZoomClient.zoom().when().get("/v2/meetings/{id}", meetingId)
                .then().body("status", equalTo("started"));
    }

    @Test
    void unreachableTargetAnswers502() {
        receiver.stop(0);
        given().contentType(ContentType.JSON)
                .body("{\"event\":\"meeting.participant_joined\",\"meetingId\":" + meetingId
                        + ",\"targetUrl\":\"" + receiverUrl + "\"}")
                .when().post("/_sim/webhooks")
                .then().statusCode(502)
                .body("error", notNullValue());
    }

    @Test
    void unknownMeetingIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"event\":\"meeting.participant_joined\",\"meetingId\":12345678901,\"targetUrl\":\"" + receiverUrl + "\"}")
                .when().post("/_sim/webhooks")
                .then().statusCode(404);
        assertThat(received.get(), nullValue());
    }

    private static Matcher<Long> within(long expected, long tolerance) {
        return both(greaterThanOrEqualTo(expected - tolerance)).and(lessThanOrEqualTo(expected + tolerance));
    }

    private void send(String request, int expectedStatus) {
        given().contentType(ContentType.JSON).body(request)
                .when().post("/_sim/webhooks")
                .then().statusCode(expectedStatus);
    }

    /** The receiving side of the signature, written independently of the simulator's code. */
    private static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.set(new Received(
                exchange.getRequestHeaders().getFirst("x-zm-request-timestamp"),
                exchange.getRequestHeaders().getFirst("x-zm-signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        byte[] answer = new byte[0];
        try {
            JsonNode event = JSON.readTree(body);
            if (event.path("event").asText().equals("endpoint.url_validation")) {
                String plainToken = event.at("/payload/plainToken").asText();
                answer = JSON.writeValueAsBytes(Map.of(
                        "plainToken", plainToken, "encryptedToken", hmacSha256Hex(SECRET, plainToken)));
            }
        } catch (IOException notJson) {
            // answered with an empty body
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answerStatus.get(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }
}
