package org.safesessions.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues a message for a recipient, at most once per (event, template, recipient, channel): the unique key in the
 * database, not the caller, guarantees no double sends.
 */
@ApplicationScoped
public class DeliveryQueue {

    @Inject
    EntityManager em;

    @Inject
    Time time;

    @Inject
    Event<Queued> queued;

    /** @return true if queued now, false if this message already existed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(MessageRequest m) {
        return queueNew(m).isPresent();
    }

    /** @return the new delivery's id if queued now, empty if this message already existed */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> queueNew(MessageRequest m) {
        OffsetDateTime now = time.now();
        OffsetDateTime due = m.dueAt() == null || m.dueAt().isBefore(now) ? now : m.dueAt();
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        insert into delivery (id, organisation, event_id, template_key, recipient_kind, recipient_id,
                                              staff_user_name, young_person_id, session_id, channel, urgent, status,
                                              attempts, next_attempt_at, created_at, params, staff_user_id, audience,
                                              quiet)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'QUEUED', 0, ?12, ?13, ?14, ?15, ?16,
                                ?17)
                        on conflict (event_id, template_key, recipient_id, channel) do nothing""")
                .setParameter(1, id)
                .setParameter(2, m.organisation())
                .setParameter(3, m.eventId())
                .setParameter(4, m.templateKey())
                .setParameter(5, m.kind().name())
                .setParameter(6, m.recipientId())
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.STRING, m.staffUserName()))
                .setParameter(8, new TypedParameterValue<>(StandardBasicTypes.UUID, m.youngPersonId()))
                .setParameter(9, new TypedParameterValue<>(StandardBasicTypes.UUID, m.sessionId()))
                .setParameter(10, m.channel().name())
                .setParameter(11, m.urgent())
                .setParameter(12, due)
                .setParameter(13, now)
                .setParameter(14, m.params())
                .setParameter(15, new TypedParameterValue<>(StandardBasicTypes.STRING, m.staffUserId()))
                .setParameter(16, new TypedParameterValue<>(StandardBasicTypes.STRING, m.audience()))
                .setParameter(17, m.quiet())
                // no flush of the persistence context first: the insert reads nothing of it, and in a batch of events
                // (Inbox.processAll) each insert flushed every entity the batch had touched so far
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        if (inserted == 1 && !due.isAfter(now)) {
            queued.fire(new Queued());
        }
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Fired in the queueing transaction; the dispatcher wakes once it has committed. */
    public record Queued() {
    }
}
