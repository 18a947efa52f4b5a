package org.safesessions.notification.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Chooses the SMS provider from settings: {@code recording} (default; nothing leaves the machine) or {@code http}. */
@ApplicationScoped
public class SmsProviderProducer {

    @ConfigProperty(name = "notification.sms.provider", defaultValue = "recording")
    String provider;

    @ConfigProperty(name = "notification.sms.http.url")
    Optional<URI> url;

    @ConfigProperty(name = "notification.sms.http.api-key")
    Optional<String> apiKey;

    @ConfigProperty(name = "notification.sms.http.connect-timeout", defaultValue = "2s")
    Duration connectTimeout;

    @ConfigProperty(name = "notification.sms.http.timeout", defaultValue = "5s")
    Duration timeout;

    @Produces
    @Singleton // no client proxy: tests reach the RecordingSmsProvider itself
    SmsProvider smsProvider() {
        return switch (provider) {
            case "http" -> new HttpSmsProvider(
                    url.orElseThrow(() -> new IllegalStateException("notification.sms.http.url is required for the http SMS provider")),
                    apiKey.orElse(""), connectTimeout, timeout);
            case "recording" -> new RecordingSmsProvider();
            default -> throw new IllegalStateException("notification.sms.provider must be recording or http");
        };
    }
}
