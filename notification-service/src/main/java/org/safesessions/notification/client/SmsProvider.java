package org.safesessions.notification.client;

/** Sends a text message. Throws on failure (the message is retried); returning means the provider accepted it. */
public interface SmsProvider {

    /** @param reference the delivery id, so the provider can recognise a repeat of the same message */
    void send(String phoneNumber, String text, String reference);
}
