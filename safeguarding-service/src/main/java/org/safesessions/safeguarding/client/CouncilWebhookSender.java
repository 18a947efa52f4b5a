package org.safesessions.safeguarding.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.safeguarding.application.SafeguardingSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Pushes one signed delivery to a council's webhook ({@link WebhookSignature}) and says what came back. No redirect
 * is followed; connect and answer are bounded by {@code safeguarding.webhooks.timeout}.
 */
@ApplicationScoped
public class CouncilWebhookSender {

    @Inject
    SafeguardingSettings settings;

    private HttpClient http;

    /** What one push got back: the HTTP status, or none when the endpoint could not be reached; and how long it took. */
    public record Answer(Integer status, int durationMs) {
    }

    public Answer push(String url, String secret, UUID deliveryId, long timestamp, String payload) {
        long started = System.nanoTime();
        Integer status = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.webhooks().timeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.DELIVERY_HEADER, deliveryId.toString())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            status = http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            // unreachable: no status
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Answer(status, (int) Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(settings.webhooks().timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }
}
