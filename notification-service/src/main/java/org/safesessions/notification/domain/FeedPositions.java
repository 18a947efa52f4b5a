package org.safesessions.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Places in-app messages in their recipient's feed: 1, 2, 3, … per organisation and recipient. The next place is taken
 * under a lock on the recipient's counter row, held until the showing transaction commits, so one recipient's places
 * commit in order: whoever can read place n can already read every place before it. The live stream relies on that
 * to send each message once and skip none.
 */
@ApplicationScoped
public class FeedPositions {

    private static final String OWNED = "organisation = ?1 and coalesce(staffUserId, staffUserName) = ?2"
            + " and feedPosition is not null";

    @Inject
    EntityManager em;

    /** Gives a message just shown its place in its recipient's feed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void place(Delivery shown) {
        Number next = (Number) em.createNativeQuery("""
                insert into feed_position (organisation, recipient, last_position) values (?1, ?2, 1)
                on conflict (organisation, recipient) do update set last_position = feed_position.last_position + 1
                returning last_position""")
                .setParameter(1, shown.organisation).setParameter(2, shown.feedOwner()).getSingleResult();
        shown.feedPosition = next.longValue();
    }

    /** The last place given in a recipient's feed (0: none yet). */
    public long last(String organisation, String owner) {
        return em.createQuery("select coalesce(max(feedPosition), 0L) from Delivery where " + OWNED, Long.class)
                .setParameter(1, organisation).setParameter(2, owner).getSingleResult();
    }

    /** The last place given to a message shown before {@code moment} (0: none). */
    public long lastShownBefore(String organisation, String owner, OffsetDateTime moment) {
        return em.createQuery("select coalesce(max(feedPosition), 0L) from Delivery where " + OWNED + " and sentAt < ?3",
                        Long.class)
                .setParameter(1, organisation).setParameter(2, owner).setParameter(3, moment).getSingleResult();
    }

    /** A recipient's messages placed after {@code position}, in order, at most {@code limit}. */
    public List<Delivery> after(String organisation, String owner, long position, int limit) {
        return em.createQuery("from Delivery where " + OWNED + " and feedPosition > ?3 order by feedPosition",
                        Delivery.class)
                .setParameter(1, organisation).setParameter(2, owner).setParameter(3, position)
                .setMaxResults(limit).getResultList();
    }
}
