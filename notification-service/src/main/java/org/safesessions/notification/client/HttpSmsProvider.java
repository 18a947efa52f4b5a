package org.safesessions.notification.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.safesessions.events.EventJson;
import org.safesessions.notification.domain.MessageRefusedException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An SMS gateway over HTTP: {@code POST {url}} with {@code {"to","text","reference"}} as JSON and
 * {@code Authorization: Bearer <api key>}; any 2xx is acceptance. The reference (the delivery id) lets the gateway
 * drop a repeat, so a retry after a timeout (the gateway may have taken the first) sends nothing twice; its delivery
 * receipts name the same reference.
 * <p>
 * A 5xx, 408, 429, a timeout or no connection is temporary ({@link SmsNotAcceptedException}: the dispatcher retries
 * with backoff). Any other 4xx is the gateway refusing this message for good, typically the number
 * ({@link MessageRefusedException}: FAILED with the reason, not retried): the reason is the status and, when the
 * gateway gives one, its short error code; never its text, which may quote the number.
 */
public class HttpSmsProvider implements SmsProvider {

    /** A gateway error code worth keeping: short, no spaces (so no number or message text). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,40}");

    private final HttpClient http;
    private final URI url;
    private final String apiKey;
    private final Duration timeout;

    public HttpSmsProvider(URI url, String apiKey, Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.url = url;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    @Override
    public void send(String phoneNumber, String text, String reference) {
        String body;
        try {
            body = EventJson.mapper().writeValueAsString(Map.of("to", phoneNumber, "text", text, "reference", reference));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the SMS request", e);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsNotAcceptedException("SMS gateway unreachable or too slow: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotAcceptedException("interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new MessageRefusedException("refused by the SMS gateway: HTTP " + status + code(response.body()));
        }
        throw new SmsNotAcceptedException("SMS gateway answered " + status);
    }

    private static String code(String body) {
        try {
            JsonNode code = EventJson.mapper().readTree(body == null ? "" : body).path("code");
            return code.isTextual() && CODE.matcher(code.asText()).matches() ? " " + code.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The gateway did not take the message this time: retried. */
    public static class SmsNotAcceptedException extends RuntimeException {
        public SmsNotAcceptedException(String message) {
            super(message);
        }
    }
}
