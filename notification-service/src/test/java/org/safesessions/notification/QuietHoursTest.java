package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.session.MeetingProvisioningFailedV1;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.notification.domain.StaffRole;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KeycloakResource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.safesessions.testkit.Eventually.await;

/**
 * Quiet hours (21:00–08:00 UK time) hold non-urgent family messages until morning, and non-urgent staff messages for
 * staff who asked for them; urgent staff alerts go at once.
 */
@QuarkusTest
class QuietHoursTest extends NotificationFixtures {

    private ZonedDateTime tonightAt(int hour, int minute) {
        return LocalDate.now(clock.withZone(TestClock.UK)).plusDays(1).atTime(LocalTime.of(hour, minute)).atZone(TestClock.UK);
    }

    @Test
    void familyMessageDueAt22IsHeldUntil08AndThenSentOnce() {
        ZonedDateTime evening = tonightAt(22, 0);
        clock.setTo(evening.toInstant());
        Guardian guardian = Guardian.byEmail("Nat Guardian");
        UUID youngPerson = family("org-a", "Pip", LocalDate.now().minusYears(8), null, guardian);
        UUID consentId = UUID.randomUUID();
        String event = Events.publish("/consent-service", consentId, new ConsentExpiringV1(consentId, youngPerson, "org-a",
                ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(clock).plusDays(30)));

        ZonedDateTime morning = evening.plusDays(1).with(LocalTime.of(8, 0));
        await("held for quiet hours", () -> {
            List<Delivery> all = deliveriesOf(event);
            return !all.isEmpty() && all.stream().allMatch(d -> d.status == DeliveryStatus.QUEUED
                    && "held for quiet hours".equals(d.statusReason)
                    && d.nextAttemptAt.toInstant().equals(morning.toInstant()));
        });
        assertEquals(0, mailTo(guardian.email()).length);

        clock.setTo(morning.minusMinutes(1).toInstant());
        clock.setTo(morning.plusSeconds(1).toInstant());
        await("sent in the morning", () -> mailTo(guardian.email()).length == 1);
        await("recorded", () -> deliveriesOf(event).stream().anyMatch(d -> d.channel == Channel.EMAIL
                && d.status == DeliveryStatus.SENT && !d.sentAt.toInstant().isBefore(morning.toInstant())));
        assertEquals(1, mailTo(guardian.email()).length);
    }

    @Test
    void urgentStaffAlertAt23GoesAtOnce() {
        clock.setTo(tonightAt(23, 0).toInstant());
        String facilitator = staff("org-a", "worker", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        Events.publish("/session-service", session, new UnknownParticipantJoinedV1(session, "org-a", "zoom-p-1",
                OffsetDateTime.now(clock), List.of(facilitator)));
        await("the facilitator is alerted at night", () -> mailTo(emailOf(facilitator)).length == 1);
    }

    /** A member of staff who asked for quiet hours (kept here, by Keycloak id) gets non-urgent messages in the morning, by SMS as preferred. */
    @Test
    void staffWhoAskedForQuietHoursGetNonUrgentMessagesAt08ByTheirPreferredChannel() {
        ZonedDateTime evening = tonightAt(22, 0);
        clock.setTo(evening.toInstant());
        String coordinator = staff("org-x-" + UUID.randomUUID().toString().substring(0, 6), "coord", "+44 7700 900771",
                StaffRole.COORDINATOR);
        String organisation = KeycloakResource.user(coordinator).organisations().getFirst();
        QuarkusTransaction.requiringNew().run(() -> {
            var contact = StaffContact.of(organisation, idOf(coordinator)).orElseThrow();
            contact.quietHours = true;
            contact.preferredChannel = StaffContact.PreferredChannel.SMS;
        });
        UUID session = UUID.randomUUID();
        String event = Events.publish("/session-service", session, new MeetingProvisioningFailedV1(
                session, organisation, "ZOOM_429", 5, OffsetDateTime.now(clock).plusDays(2), OffsetDateTime.now(clock)));
        ZonedDateTime morning = evening.plusDays(1).with(LocalTime.of(8, 0));
        await("held for quiet hours", () -> deliveriesOf(event).stream().anyMatch(d -> d.channel == Channel.SMS
                && d.status == DeliveryStatus.QUEUED && "held for quiet hours".equals(d.statusReason)
                && d.nextAttemptAt.toInstant().equals(morning.toInstant())));
        assertEquals(0, smsTo("+44 7700 900771").size());
        assertEquals(0, deliveriesOf(event).stream().filter(d -> d.channel == Channel.EMAIL).count(), "SMS instead of email");
        clock.setTo(morning.plusSeconds(1).toInstant());
        await("texted in the morning", () -> smsTo("+44 7700 900771").size() == 1);
    }
}
