package org.safesessions.notification.routing;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventType;
import org.safesessions.events.safeguarding.ConcernRaisedV1;
import org.safesessions.events.safeguarding.SafeguardingClockBreachedV1;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.notification.staff.StaffRole;
import org.safesessions.notification.templates.MessageTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Urgent safeguarding alerts. They carry the concern's reference, risk, category codes and a portal link only: the
 * narrative and the child's name never leave safeguarding-service.
 */
@ApplicationScoped
public class SafeguardingEventRouter {

    static final String CONSUMER = "notification-service.safeguarding-routing";

    @Inject
    Inbox inbox;

    @Inject
    Notify notify;

    @Incoming("safeguarding-events")
    @Blocking
    public void onSafeguardingEvent(String record) {
        inbox.process(CONSUMER, record, this::route);
    }

    void route(CloudEvent event) {
        if (EventType.CONCERN_RAISED.type().equals(event.type())) {
            concernRaised(event, event.payload(EventType.CONCERN_RAISED));
        } else if (EventType.SAFEGUARDING_CLOCK_BREACHED.type().equals(event.type())) {
            clockBreached(event, event.payload(EventType.SAFEGUARDING_CLOCK_BREACHED));
        }
    }

    /** An IMMEDIATE_DANGER or HIGH concern reaches every DSL of the organisation at once. */
    private void concernRaised(CloudEvent event, ConcernRaisedV1 raised) {
        if (raised.risk() == null || !raised.risk().urgent()) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("concernId", raised.concernId().toString());
        params.put("reference", raised.reference());
        params.put("risk", raised.risk().name());
        params.put("categories", raised.categories() == null ? java.util.List.of()
                : raised.categories().stream().map(Enum::name).sorted().toList());
        params.put("raisedAt", raised.raisedAt().toString());
        notify.staffWithRoles(event, raised.organisation(), MessageTemplate.CONCERN_ALERT,
                Set.of(StaffRole.SAFEGUARDING_LEAD), raised.sessionId(), params, true);
    }

    /** A missed safeguarding deadline reaches the organisation's DSLs and managers at once. */
    private void clockBreached(CloudEvent event, SafeguardingClockBreachedV1 breached) {
        Map<String, Object> params = new HashMap<>();
        params.put("concernId", breached.concernId().toString());
        params.put("reference", breached.reference());
        params.put("clock", breached.clock().name());
        if (breached.risk() != null) {
            params.put("risk", breached.risk().name());
        }
        params.put("dueAt", breached.dueAt().toString());
        notify.staffWithRoles(event, breached.organisation(), MessageTemplate.CLOCK_BREACHED_ALERT,
                Set.of(StaffRole.SAFEGUARDING_LEAD, StaffRole.MANAGER), null, params, true);
    }
}
