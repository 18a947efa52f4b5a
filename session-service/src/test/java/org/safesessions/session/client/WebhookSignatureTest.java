package org.safesessions.session.client;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zoom's five-minute window, on a fixed "now": a timestamp exactly five minutes either side is accepted, one second
 * more is not, and a timestamp that is not a number of seconds, or a signature over another body or timestamp, is
 * refused.
 */
class WebhookSignatureTest {

    private static final String SECRET = "a-webhook-secret";
    private static final String BODY = "{\"event\":\"meeting.participant_joined\"}";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00.500Z");

    private static boolean validAt(long epochSeconds) {
        String timestamp = Long.toString(epochSeconds);
        return WebhookSignature.valid(SECRET, WebhookSignature.sign(SECRET, timestamp, BODY), timestamp, BODY, NOW);
    }

    @Test
    void aTimestampWithinFiveMinutesEitherSideIsAccepted() {
        long now = NOW.getEpochSecond();
        assertTrue(validAt(now));
        assertTrue(validAt(now - 299), "4 min 59.5 s old");
        assertTrue(validAt(now + 300), "4 min 59.5 s ahead");
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsRefused() {
        long now = NOW.getEpochSecond();
        assertFalse(validAt(now - 300), "5 min 0.5 s old");
        assertFalse(validAt(now + 301), "5 min 0.5 s ahead");
        assertFalse(validAt(0), "the epoch");
        assertFalse(validAt(Long.MAX_VALUE / 1_000), "far in the future");
    }

    @Test
    void aTimestampThatIsNotWholeSecondsIsRefused() {
        for (String timestamp : new String[]{"", " ", "1.5e9", "0x10", "１７６４", "1764763200000000000000"}) {
            String signature = WebhookSignature.sign(SECRET, timestamp, BODY);
            assertFalse(WebhookSignature.valid(SECRET, signature, timestamp, BODY, NOW), timestamp);
        }
    }

    @Test
    void aSignatureOverAnotherBodyOrTimestampOrWithAnotherSecretIsRefused() {
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = WebhookSignature.sign(SECRET, timestamp, BODY);
        assertTrue(WebhookSignature.valid(SECRET, signature, timestamp, BODY, NOW));
        assertFalse(WebhookSignature.valid(SECRET, signature, timestamp, BODY + " ", NOW));
        assertFalse(WebhookSignature.valid(SECRET, signature, Long.toString(NOW.getEpochSecond() - 1), BODY, NOW));
        assertFalse(WebhookSignature.valid("another-secret", signature, timestamp, BODY, NOW));
        assertFalse(WebhookSignature.valid(SECRET, null, timestamp, BODY, NOW));
        assertFalse(WebhookSignature.valid(SECRET, signature, null, BODY, NOW));
    }
}
