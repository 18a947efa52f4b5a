package org.safesessions.notification.domain;

/** A message template's Qute sources: subject, plain text and HTML. */
public record TemplateSource(String subject, String text, String html) {
}
