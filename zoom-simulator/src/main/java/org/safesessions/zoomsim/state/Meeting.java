package org.safesessions.zoomsim.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A meeting as the simulated Zoom account holds it. Immutable: the store swaps in a
 * new value on every change, so a meeting handed to the REST layer never changes under it.
 */
public record Meeting(
        long id,
        String uuid,
        ZoomUser host,
        String topic,
        int type,
        Instant startTime,
        Integer duration,
        String timezone,
        String agenda,
        String password,
        String encryptedPassword,
        ObjectNode settings,
        JsonNode recurrence,
        JsonNode trackingFields,
        Instant createdAt,
        MeetingStatus status,
        boolean deleted,
        String joinUrl,
        String startUrl,
        String registrationUrl,
        List<Registrant> registrants) {

    /** approval_type 2 (Zoom's default) means "no registration required". */
    public boolean registrationRequired() {
        return settings.path("approval_type").asInt(2) != 2;
    }

    /** Zoom returns the registration link only while registration is on. */
    public Optional<String> registrationLink() {
        return registrationRequired() ? Optional.of(registrationUrl) : Optional.empty();
    }

    public Optional<Registrant> registrant(String registrantId) {
        return registrants.stream().filter(r -> r.registrantId().equals(registrantId)).findFirst();
    }

    public Optional<Registrant> registrantByEmail(String email) {
        return registrants.stream().filter(r -> r.email().equalsIgnoreCase(email)).findFirst();
    }

    Meeting with(MeetingStatus newStatus, boolean nowDeleted, List<Registrant> newRegistrants) {
        return new Meeting(id, uuid, host, topic, type, startTime, duration, timezone, agenda, password,
                encryptedPassword, settings, recurrence, trackingFields, createdAt, newStatus, nowDeleted,
                joinUrl, startUrl, registrationUrl, List.copyOf(newRegistrants));
    }

    Meeting withStatus(MeetingStatus newStatus) {
        return with(newStatus, deleted, registrants);
    }

    Meeting withDeleted(boolean nowDeleted) {
        return with(status, nowDeleted, registrants);
    }

    Meeting withRegistrants(List<Registrant> newRegistrants) {
        return with(status, deleted, newRegistrants);
    }
}
