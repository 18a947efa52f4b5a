package org.safesessions.consent;

import jakarta.inject.Singleton;

/** The service's clock in tests (replaces the kit's default bean); see the test kit's {@code MovableClock}. */
@Singleton
public class MovableClock extends org.safesessions.testkit.MovableClock {
}
