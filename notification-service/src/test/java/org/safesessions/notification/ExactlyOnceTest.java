package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventJson;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.ParticipantInvitedV1;
import org.safesessions.notification.application.SentOutcomes;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KafkaProbe;
import org.safesessions.testkit.SmtpResource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.testkit.Eventually.await;

/**
 * One event never sends the same message twice to the same recipient on the same channel: redelivered events, a
 * restart in the middle of sending, SMTP down and back.
 */
@QuarkusTest
class ExactlyOnceTest extends NotificationFixtures {

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @jakarta.inject.Inject
    SentOutcomes sentOutcomes;

    private record Invitation(Guardian guardian, UUID youngPerson, UUID session, OffsetDateTime start) {
    }

    private Invitation invitation() {
        Guardian guardian = Guardian.byEmail("Kit Guardian");
        UUID youngPerson = family("org-a", "Ola", LocalDate.now().minusYears(10), null, guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(clock).plusDays(4);
        joinDetails("org-a", session, youngPerson, "Music", start, "https://zoom.example/w/9?tk=ola", "Mm00nn");
        return new Invitation(guardian, youngPerson, session, start);
    }

    private String publish(Invitation i) {
        return Events.publish("/session-service", i.session(), new ParticipantInvitedV1(i.session(), "org-a",
                i.youngPerson(), Platform.ZOOM, i.start(), i.start().plusHours(1)));
    }

    @Test
    void theSameInvitationEventDeliveredThreeTimesSendsOneEmail() {
        Invitation i = invitation();
        String event = publish(i);
        String key = EventJson.readEnvelope(event).subject();
        KafkaProbe.send("session-events", key, event);
        KafkaProbe.send("session-events", key, event);
        await("the invitation is sent", () -> mailTo(i.guardian().email()).length == 1);
        // a later, distinct event proves the redeliveries were consumed (same partition, in order)
        Invitation other = invitation();
        publish(other);
        await("the later event's email", () -> mailTo(other.guardian().email()).length == 1);
        assertEquals(1, mailTo(i.guardian().email()).length, "exactly one email");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Delivery.count(
                "eventId = ?1 and templateKey = 'session-invitation' and channel = ?2",
                EventJson.readEnvelope(event).id(), Channel.EMAIL)));
    }

    /** A guardian's invitation, as the family row's addressing would have queued it, in the state a crash left it. */
    private UUID crashedWhileSending(Invitation i, boolean handedOver) {
        return sending(i, handedOver, OffsetDateTime.now(clock).minusSeconds(1)); // its lease ran out: the sender died
    }

    /** A guardian's invitation being sent, leased until {@code leaseEnds}. */
    private UUID sending(Invitation i, boolean handedOver, OffsetDateTime leaseEnds) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = new Delivery();
            d.id = id;
            d.organisation = "org-a";
            d.eventId = UUID.randomUUID().toString();
            d.templateKey = "session-invitation";
            d.recipientKind = Delivery.RecipientKind.GUARDIAN;
            d.recipientId = i.guardian().id();
            d.youngPersonId = i.youngPerson();
            d.sessionId = i.session();
            d.channel = Channel.EMAIL;
            d.status = DeliveryStatus.SENDING;
            d.attempts = 1;
            d.createdAt = OffsetDateTime.now(clock).minusMinutes(5);
            d.nextAttemptAt = leaseEnds;
            d.handedOverAt = handedOver ? d.createdAt.plusSeconds(1) : null;
            d.params = EventJson.write(java.util.Map.of("sessionId", i.session().toString(), "platform", "ZOOM",
                    "startsAt", i.start().toString(), "endsAt", i.start().plusHours(1).toString()));
            d.persist();
        });
        return id;
    }

    @Test
    void restartBeforeHandOverSendsTheMessageOnce() {
        Invitation i = invitation();
        UUID id = crashedWhileSending(i, false);
        await("the message is taken up again and sent", () -> delivery(id).status == DeliveryStatus.SENT);
        assertEquals(1, mailTo(i.guardian().email()).length);
        assertEquals(2, delivery(id).attempts);
    }

    @Test
    void restartAfterHandOverIsNotResentButDeadLetteredForAManager() throws Exception {
        double before = deadLetteredCounted();
        Invitation i = invitation();
        UUID id = crashedWhileSending(i, true);
        await("the message is set aside", () -> delivery(id).status == DeliveryStatus.DEAD_LETTERED);
        assertTrue(delivery(id).statusReason.startsWith("outcome unknown"), delivery(id).statusReason);
        Thread.sleep(1_000); // a few dispatch passes
        assertEquals(0, mailTo(i.guardian().email()).length, "not resent automatically");
        assertEquals(before + 1, deadLetteredCounted(), 0.0, "counted for the ops alert");
    }

    /**
     * Sent outcomes written several to a transaction (group commit) each keep the moment their own channel accepted
     * them, never overwrite a claim lost meanwhile, and record sent after all one dead-lettered as outcome unknown.
     */
    @Test
    void sentOutcomesRecordedTogetherKeepEachOneItsOwnTimeAndNeverOverwriteALostClaim() throws Exception {
        Invitation i = invitation();
        List<UUID> handedOver = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            // handed to SMTP and still leased: the dispatcher leaves it alone
            handedOver.add(sending(i, true, OffsetDateTime.now(clock).plusMinutes(2)));
        }
        UUID lost = handedOver.get(0);
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = Delivery.findById(lost);
            d.status = DeliveryStatus.FAILED; // another claim's outcome came first
            d.nextAttemptAt = OffsetDateTime.now(clock).plusDays(1);
        });
        UUID late = handedOver.get(1);
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = Delivery.findById(late);
            d.status = DeliveryStatus.DEAD_LETTERED;
            d.statusReason = Delivery.OUTCOME_UNKNOWN;
        });
        OffsetDateTime accepted = OffsetDateTime.now(clock).withNano(0);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < handedOver.size(); n++) {
                UUID id = handedOver.get(n);
                OffsetDateTime at = accepted.plusSeconds(n);
                done.add(senders.submit(() -> sentOutcomes.sent(id, at)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }
        // every sender has returned: whatever it queued is written (by it or by the one writing meanwhile)
        for (int n = 2; n < handedOver.size(); n++) {
            Delivery d = delivery(handedOver.get(n));
            assertEquals(DeliveryStatus.SENT, d.status, "delivery " + n);
            assertTrue(accepted.plusSeconds(n).isEqual(d.sentAt), "its own time: " + d.sentAt);
        }
        assertEquals(DeliveryStatus.FAILED, delivery(lost).status, "a lost claim is not overwritten");
        assertEquals(null, delivery(lost).sentAt);
        assertEquals(DeliveryStatus.SENT, delivery(late).status, "outcome unknown, then sent after all");
        assertTrue(accepted.plusSeconds(1).isEqual(delivery(late).sentAt));
    }

    private double deadLetteredCounted() {
        var counter = meters.find("safesessions.notification.dead.lettered").tag("channel", "EMAIL").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void smtpDownThenUpDeliversTheInvitationLateAndOnce() {
        Invitation i = invitation();
        SmtpResource.stopSmtp();
        String event;
        try {
            event = publish(i);
            await("the send fails and is scheduled again", () -> deliveriesOf(event).stream()
                    .anyMatch(d -> d.channel == Channel.EMAIL && d.status == DeliveryStatus.FAILED));
        } finally {
            SmtpResource.startSmtp();
        }
        await("sent once SMTP is back", () -> deliveriesOf(event).stream()
                .anyMatch(d -> d.channel == Channel.EMAIL && d.status == DeliveryStatus.SENT && d.attempts >= 2));
        assertEquals(1, mailTo(i.guardian().email()).length);
    }
}
