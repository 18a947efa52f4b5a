package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.events.session.AttendanceSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who was in a session and when: an invited young person, a facilitator, or an unknown participant (neither).
 * {@code participantRef} is Zoom's participant id for webhook rows, {@code manual:<young person>} for rows a
 * facilitator records; one row each. Display names and emails are not kept.
 */
@Entity
@Table(name = "attendance")
public class Attendance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "young_person_id")
    public UUID youngPersonId;

    /** The facilitator's canonical user name, and their Keycloak user id. */
    public String facilitator;

    @Column(name = "facilitator_id")
    public String facilitatorId;

    @Column(name = "participant_ref")
    public String participantRef;

    @Column(nullable = false)
    public boolean attended;

    @Column(name = "joined_at")
    public OffsetDateTime joinedAt;

    @Column(name = "left_at")
    public OffsetDateTime leftAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttendanceSource source;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public boolean unknownParticipant() {
        return youngPersonId == null && facilitator == null;
    }

    public static Optional<Attendance> byParticipant(UUID sessionId, String participantRef) {
        return find("sessionId = ?1 and participantRef = ?2", sessionId, participantRef).firstResultOptional();
    }

    public static List<Attendance> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by joinedAt nulls last, recordedAt", sessionId);
    }
}
