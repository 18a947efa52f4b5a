package org.safesessions.notification.domain;

/** A message ready for a channel. */
public record RenderedMessage(String subject, String text, String html, String sms) {
}
