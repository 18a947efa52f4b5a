package org.safesessions.notification.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.safesessions.events.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An SMS gateway over HTTP: {@code POST {url}} with {@code {"to","text","reference"}} as JSON and a bearer API key;
 * any 2xx is acceptance. The reference (the delivery id) lets the gateway drop a repeat.
 */
public class HttpSmsProvider implements SmsProvider {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI url;
    private final String apiKey;

    public HttpSmsProvider(URI url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
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
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new SmsNotAcceptedException("SMS gateway answered " + status);
            }
        } catch (IOException e) {
            throw new SmsNotAcceptedException("SMS gateway unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotAcceptedException("interrupted");
        }
    }

    public static class SmsNotAcceptedException extends RuntimeException {
        public SmsNotAcceptedException(String message) {
            super(message);
        }
    }
}
