package org.safesessions.notification.application;

import java.util.List;

/** One page of a list a use case read, and how many there are in all. */
public record Listed<T>(List<T> items, long total) {
}
