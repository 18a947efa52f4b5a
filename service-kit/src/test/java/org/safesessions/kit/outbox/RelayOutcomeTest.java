package org.safesessions.kit.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayOutcomeTest {

    private static CompletableFuture<String> acked() {
        return CompletableFuture.completedFuture("ack");
    }

    private static long inSeconds(int s) {
        return System.nanoTime() + s * 1_000_000_000L;
    }

    @Test
    void aBatchKafkaAcknowledgedWholeIsComplete() {
        RelayOutcome outcome = RelayOutcome.await(List.of(acked(), acked(), acked()), 3, inSeconds(1));
        assertTrue(outcome.complete(3));
        assertNull(outcome.error());
    }

    @Test
    void theFirstFailureEndsTheAcknowledgedRunEvenIfLaterEventsWereAcknowledged() {
        RelayOutcome outcome = RelayOutcome.await(List.of(acked(),
                CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("x")), acked()),
                3, inSeconds(1));
        assertEquals(1, outcome.acknowledged());
        assertEquals("TimeoutException", outcome.error());
    }

    @Test
    void anAcknowledgementThatDoesNotArriveByTheDeadlineCountsAsNone() {
        RelayOutcome outcome = RelayOutcome.await(List.of(acked(), new CompletableFuture<String>()), 2,
                System.nanoTime() + 50_000_000L);
        assertEquals(1, outcome.acknowledged());
        assertEquals("TimeoutException", outcome.error());
    }

    @Test
    void eventsNeverSentAreNotAcknowledged() {
        RelayOutcome outcome = RelayOutcome.await(List.of(acked()), 4, inSeconds(1));
        assertEquals(1, outcome.acknowledged());
        assertEquals("NotSent", outcome.error());
    }
}
