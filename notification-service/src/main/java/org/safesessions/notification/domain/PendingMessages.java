package org.safesessions.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.EventJson;
import org.safesessions.kit.time.Time;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A session's messages not sent yet (reminders waiting for their time, invitations held for the night): withdrawn
 * when the session is cancelled or a young person taken off it, moved when it is rescheduled.
 */
@ApplicationScoped
public class PendingMessages {

    @Inject
    Time time;

    /** Suppresses the session's queued messages with these templates (for one young person, or all when null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int suppress(UUID sessionId, UUID youngPersonId, Collection<String> templateKeys, String reason) {
        List<Delivery> pending = pending(sessionId, youngPersonId, templateKeys);
        pending.forEach(d -> d.withdraw(reason));
        return pending.size();
    }

    /**
     * Moves the session's queued reminders to the new time: each falls due {@code before} the new start; one whose
     * moment has already passed is suppressed (the change message tells the family instead).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reschedule(UUID sessionId, Map<String, Duration> before, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        OffsetDateTime now = time.now();
        for (Delivery d : pending(sessionId, null, before.keySet())) {
            OffsetDateTime due = startsAt.minus(before.get(d.templateKey));
            Map<String, Object> params = read(d.params);
            params.put("startsAt", startsAt.toString());
            params.put("endsAt", endsAt.toString());
            d.reschedule(EventJson.write(params), due, now);
        }
    }

    private List<Delivery> pending(UUID sessionId, UUID youngPersonId, Collection<String> templateKeys) {
        String query = "sessionId = ?1 and status = ?2 and templateKey in ?3" + (youngPersonId != null ? " and youngPersonId = ?4" : "");
        return youngPersonId != null
                ? Delivery.<Delivery>list(query, sessionId, DeliveryStatus.QUEUED, templateKeys, youngPersonId)
                : Delivery.<Delivery>list(query, sessionId, DeliveryStatus.QUEUED, templateKeys);
    }

    private static Map<String, Object> read(String json) {
        try {
            return new HashMap<>(EventJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            return new HashMap<>();
        }
    }
}
