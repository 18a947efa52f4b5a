package org.safesessions.safeguarding;

import jakarta.inject.Singleton;
import org.safesessions.testkit.MovableClock;

/**
 * The service's clock in tests (it replaces the kit's default bean), so clocks and deadlines are tested without
 * sleeping; see the test kit's {@link MovableClock}. Tests reset it when done.
 */
@Singleton
public class TestClock extends MovableClock {
}
