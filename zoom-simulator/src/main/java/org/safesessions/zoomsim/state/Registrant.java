package org.safesessions.zoomsim.state;

import java.time.Instant;

/** One person registered for a meeting, with the personal join link Zoom gives them. */
public record Registrant(
        String registrantId,
        String email,
        String firstName,
        String lastName,
        RegistrantStatus status,
        String joinUrl,
        Instant createTime) {

    public Registrant withStatus(RegistrantStatus newStatus) {
        return new Registrant(registrantId, email, firstName, lastName, newStatus, joinUrl, createTime);
    }
}
