package org.safesessions.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
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
    Clock clock;

    @Inject
    Event<Queued> queued;

    /** @return true if queued now, false if this message already existed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(String organisation, String eventId, String templateKey, Delivery.RecipientKind kind,
                         UUID recipientId, UUID youngPersonId, Channel channel, boolean urgent,
                         String params) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted = em.createNativeQuery("""
                        insert into delivery (id, organisation, event_id, template_key, recipient_kind, recipient_id,
                                              young_person_id, channel, urgent, status, attempts, next_attempt_at, created_at, params)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'QUEUED', 0, ?10, ?10, ?11)
                        on conflict (event_id, template_key, recipient_id, channel) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, organisation)
                .setParameter(3, eventId)
                .setParameter(4, templateKey)
                .setParameter(5, kind.name())
                .setParameter(6, recipientId)
                .setParameter(7, youngPersonId)
                .setParameter(8, channel.name())
                .setParameter(9, urgent)
                .setParameter(10, now)
                .setParameter(11, params)
                .executeUpdate();
        if (inserted == 1) {
            queued.fire(new Queued());
        }
        return inserted == 1;
    }

    /** Fired in the queueing transaction; the dispatcher wakes once it has committed. */
    public record Queued() {
    }
}
