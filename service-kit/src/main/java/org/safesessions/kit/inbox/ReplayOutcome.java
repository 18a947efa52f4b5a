package org.safesessions.kit.inbox;

/** What a replay of a parked event came to: applied (no longer parked), or still parked with the new error's class. */
public record ReplayOutcome(String consumer, String eventId, String eventType, Result result, int attempts,
                            String lastErrorClass) {

    public enum Result {
        /** Applied now, or found already applied: no longer parked. */
        REPLAYED,
        /** Failed again: still parked, with one more attempt. */
        STILL_PARKED
    }

    static ReplayOutcome replayed(FailedEvent parked) {
        return new ReplayOutcome(parked.key.consumer(), parked.key.eventId(), parked.eventType, Result.REPLAYED,
                parked.attempts, null);
    }

    static ReplayOutcome stillParked(FailedEvent parked, int attempts, String errorClass) {
        return new ReplayOutcome(parked.key.consumer(), parked.key.eventId(), parked.eventType, Result.STILL_PARKED,
                attempts, errorClass);
    }
}
