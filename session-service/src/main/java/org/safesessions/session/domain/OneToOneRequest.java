package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.kit.domain.ConflictException;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A young person's request for a one-to-one session, recorded by a coordinator and later scheduled once. */
@Entity
@Table(name = "one_to_one_request")
public class OneToOneRequest extends PanacheEntityBase {

    public static final String SCHEDULED_ONCE = "one-to-one-request-scheduled-once";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "young_person_id", nullable = false)
    public UUID youngPersonId;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "session_id")
    public UUID sessionId;

    public void requireUnscheduled() {
        if (sessionId != null) {
            throw new ConflictException(SCHEDULED_ONCE, "this request has been scheduled already");
        }
    }

    /**
     * How many one-to-one requests the organisation has, as counting them would say: the total
     * one_to_one_request_count keeps (V15), one row to read however many there are.
     */
    public static long countOfOrganisation(String organisation) {
        return ((Number) getEntityManager().createNativeQuery(
                        "select coalesce((select requests from one_to_one_request_count where organisation = ?1), 0)")
                .setParameter(1, organisation).getSingleResult()).longValue();
    }

    public static Optional<OneToOneRequest> findInOrganisation(UUID id, String organisation) {
        return OneToOneRequest.<OneToOneRequest>find("id = ?1 and organisation = ?2", id, organisation).firstResultOptional();
    }
}
