package org.safesessions.notification.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the texts it is given instead of sending them: for the local stack and tests, where no SMS provider exists.
 * Logs nothing (a phone number is personal data).
 */
public class RecordingSmsProvider implements SmsProvider {

    private static final int KEPT = 10_000;

    public record Sms(String phoneNumber, String text, String reference) {
    }

    private final List<Sms> sent = new ArrayList<>();

    @Override
    public synchronized void send(String phoneNumber, String text, String reference) {
        if (sent.size() == KEPT) {
            sent.removeFirst();
        }
        sent.add(new Sms(phoneNumber, text, reference));
    }

    public synchronized List<Sms> sentTo(String phoneNumber) {
        return sent.stream().filter(s -> s.phoneNumber().equals(phoneNumber)).toList();
    }
}
