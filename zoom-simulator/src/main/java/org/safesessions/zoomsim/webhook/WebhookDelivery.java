package org.safesessions.zoomsim.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What happened when the simulator posted an event: what it sent, how it was signed,
 * and how the target answered ({@code status} null and {@code error} set if it could not be reached).
 *
 * @param urlValidationPassed for {@code endpoint.url_validation} only: whether the target
 *                            answered the right {@code encryptedToken}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDelivery(
        String targetUrl,
        Integer status,
        String responseBody,
        String error,
        long timestamp,
        String signature,
        String sentBody,
        Boolean urlValidationPassed) {
}
