package org.safesessions.notification.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventType;
import org.safesessions.events.safeguarding.ConcernRaisedV1;
import org.safesessions.events.safeguarding.SafeguardingClockBreachedV1;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.inbox.EventHandlers;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.notification.application.Notify;
import org.safesessions.notification.domain.MessageTemplate;
import org.safesessions.notification.domain.StaffAudience;
import org.safesessions.notification.domain.StaffRole;

import java.util.HashMap;
import java.util.List;
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

    /** One handler per safeguarding event this service alerts staff about; other types are not its business. */
    private final EventHandlers handlers = EventHandlers.builder()
            .onEvent(EventType.CONCERN_RAISED, this::concernRaised)
            .onEvent(EventType.SAFEGUARDING_CLOCK_BREACHED, this::clockBreached)
            .build();

    /** Known to the inbox from the start, so ops can replay a parked event before any new one arrives. */
    void registerForReplay(@Observes StartupEvent started) {
        inbox.register(CONSUMER, handlers);
    }

    @Incoming("safeguarding-events")
    @Blocking
    public void onSafeguardingEvents(List<String> records) {
        inbox.processAll(CONSUMER, records, handlers); // what one poll brought: one transaction (batch=true)
    }

    /**
     * An IMMEDIATE_DANGER or HIGH concern reaches every DSL of the organisation at once. An allegation against a member
     * of staff never reaches them (SPEC §5): it goes to the other DSLs, or, where there is no other, to the managers.
     */
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
        notify.audience(event, raised.organisation(), MessageTemplate.CONCERN_ALERT,
                audience(raised.subjectType(), raised.subjectStaffId(), Set.of(StaffRole.SAFEGUARDING_LEAD)),
                raised.sessionId(), params, true);
    }

    /**
     * A missed safeguarding deadline reaches the organisation's DSLs and managers at once; for an allegation against
     * staff, the DSLs other than its subject, or where there is no other, the managers (never the subject).
     */
    private void clockBreached(CloudEvent event, SafeguardingClockBreachedV1 breached) {
        Map<String, Object> params = new HashMap<>();
        params.put("concernId", breached.concernId().toString());
        params.put("reference", breached.reference());
        params.put("clock", breached.clock().name());
        if (breached.risk() != null) {
            params.put("risk", breached.risk().name());
        }
        params.put("dueAt", breached.dueAt().toString());
        boolean allegation = breached.subjectStaffId() != null;
        notify.audience(event, breached.organisation(), MessageTemplate.CLOCK_BREACHED_ALERT,
                allegation ? audience(SubjectType.STAFF_MEMBER, breached.subjectStaffId(), Set.of(StaffRole.SAFEGUARDING_LEAD))
                        : StaffAudience.withRoles(Notify.realmRoles(Set.of(StaffRole.SAFEGUARDING_LEAD, StaffRole.MANAGER))),
                null, params, true);
    }

    /** {@code roles}; for an allegation against staff never its subject, and the managers when nobody else is left. */
    static StaffAudience audience(SubjectType subjectType, String subjectStaffId, Set<StaffRole> roles) {
        if (subjectType != SubjectType.STAFF_MEMBER || subjectStaffId == null) {
            return StaffAudience.withRoles(Notify.realmRoles(roles));
        }
        return new StaffAudience(Notify.realmRoles(roles), List.of(), subjectStaffId,
                Notify.realmRoles(Set.of(StaffRole.MANAGER)));
    }
}
