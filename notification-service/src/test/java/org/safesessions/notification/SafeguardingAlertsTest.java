package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernRaisedV1;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SafeguardingClock;
import org.safesessions.events.safeguarding.SafeguardingClockBreachedV1;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.StaffRole;
import org.safesessions.testkit.Events;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.testkit.Eventually.await;

/** Safeguarding events → urgent alerts to DSLs (and managers for breached clocks): a reference and a link, nothing more. */
@QuarkusTest
class SafeguardingAlertsTest extends NotificationFixtures {

    private String concern(String organisation, RiskLevel risk, UUID concernId, String reference) {
        return Events.publish("/safeguarding-service", concernId, new ConcernRaisedV1(concernId, organisation, reference,
                SubjectType.YOUNG_PERSON, Set.of(ConcernCategory.CYBERBULLYING), risk, ConcernSource.STAFF, null,
                OffsetDateTime.now(clock)));
    }

    @Test
    void immediateDangerConcernAlertsEveryDslAtOnceWithReferenceAndPortalLinkOnly() {
        // quiet hours do not hold urgent staff alerts: it is 02:00
        clock.setTo(OffsetDateTime.now(clock).atZoneSameInstant(TestClock.UK).withHour(2).toInstant());
        String dsl = staff("org-a", "dsl", "+44 7700 900222", StaffRole.SAFEGUARDING_LEAD);
        String otherDsl = staff("org-a", "dsl2", null, StaffRole.SAFEGUARDING_LEAD, StaffRole.MANAGER);
        String worker = staff("org-a", "worker", null, StaffRole.YOUTH_WORKER);
        String otherOrgDsl = staff("org-b", "dsl", null, StaffRole.SAFEGUARDING_LEAD);
        UUID concernId = UUID.randomUUID();
        String event = concern("org-a", RiskLevel.IMMEDIATE_DANGER, concernId, "SG-TEST-0042");

        await("each DSL is emailed", () -> mailTo(emailOf(dsl)).length == 1 && mailTo(emailOf(otherDsl)).length == 1);
        String subject = subject(mailTo(emailOf(dsl))[0]);
        assertEquals("URGENT safeguarding concern SG-TEST-0042 (immediate danger)", subject);
        String body = body(mailTo(emailOf(dsl))[0]);
        assertTrue(body.contains("Reference: SG-TEST-0042"), body);
        assertTrue(body.contains("http://127.0.0.1:8080/concerns/" + concernId), body);
        assertTrue(body.contains("carries no details of the concern"), body);
        await("and texted", () -> smsTo("+44 7700 900222").size() == 1);
        assertTrue(smsTo("+44 7700 900222").getFirst().text().contains("SG-TEST-0042"));
        await("and in the app", () -> deliveriesOf(event).stream()
                .filter(d -> d.channel == Channel.IN_APP && d.status == DeliveryStatus.SENT)
                .filter(d -> d.staffUserName.equals(dsl) || d.staffUserName.equals(otherDsl)).count() == 2);
        await("everything settled", () -> allSettled(event));
        assertEquals(0, mailTo(emailOf(worker)).length, "youth workers are not alerted");
        assertEquals(0, mailTo(emailOf(otherOrgDsl)).length, "another organisation's DSL is not alerted");
        assertTrue(deliveriesOf(event).stream().allMatch(d -> d.urgent));
    }

    @Test
    void alertsCarryNoNarrativeAndNoChildsName() {
        String dsl = staff("org-a", "dsl", null, StaffRole.SAFEGUARDING_LEAD);
        UUID concernId = UUID.randomUUID();
        concern("org-a", RiskLevel.HIGH, concernId, "SG-TEST-0043");
        await("the DSL is emailed", () -> mailTo(emailOf(dsl)).length == 1);
        String body = body(mailTo(emailOf(dsl))[0]);
        // the event carries no narrative or name, and the message adds none: only these labelled lines
        assertTrue(body.contains("Risk: high"), body);
        assertFalse(body.contains("youngPerson"), body);
        assertFalse(body.contains("Dear Alex"), body);
        assertFalse(body.toLowerCase().contains("narrative"), body);
    }

    @Test
    void mediumAndLowRiskConcernsAlertNobody() {
        String dsl = staff("org-a", "dsl", null, StaffRole.SAFEGUARDING_LEAD);
        String medium = concern("org-a", RiskLevel.MEDIUM, UUID.randomUUID(), "SG-TEST-0044");
        String low = concern("org-a", RiskLevel.LOW, UUID.randomUUID(), "SG-TEST-0045");
        String high = concern("org-a", RiskLevel.HIGH, UUID.randomUUID(), "SG-TEST-0046");
        await("the high one arrives", () -> mailTo(emailOf(dsl)).length == 1);
        assertTrue(subject(mailTo(emailOf(dsl))[0]).contains("SG-TEST-0046"));
        assertTrue(deliveriesOf(medium).isEmpty());
        assertTrue(deliveriesOf(low).isEmpty());
        assertFalse(deliveriesOf(high).isEmpty());
    }

    @Test
    void breachedClockAlertsDslsAndManagers() {
        String dsl = staff("org-b", "dsl", null, StaffRole.SAFEGUARDING_LEAD);
        String manager = staff("org-b", "manager", null, StaffRole.MANAGER);
        String coordinator = staff("org-b", "coord", null, StaffRole.COORDINATOR);
        UUID concernId = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.now(clock).minusMinutes(1);
        String event = Events.publish("/safeguarding-service", concernId, new SafeguardingClockBreachedV1(concernId,
                "org-b", "SG-TEST-0047", SafeguardingClock.ACKNOWLEDGEMENT, RiskLevel.IMMEDIATE_DANGER, due,
                OffsetDateTime.now(clock)));
        await("DSL and manager are emailed", () -> mailTo(emailOf(dsl)).length == 1 && mailTo(emailOf(manager)).length == 1);
        String body = body(mailTo(emailOf(manager))[0]);
        assertTrue(body.contains("acknowledgement of an immediate-danger concern"), body);
        assertTrue(body.contains("/concerns/" + concernId), body);
        await("everything settled", () -> allSettled(event));
        assertEquals(0, mailTo(emailOf(coordinator)).length);
    }
}
