package org.safesessions.events;

/** The three Kafka topics of the suite; each carries one bounded context's events, keyed by aggregate id. */
public enum Topic {
    CONSENT("consent-events"),
    SESSION("session-events"),
    SAFEGUARDING("safeguarding-events");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }
}
