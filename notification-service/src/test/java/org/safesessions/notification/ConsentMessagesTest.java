package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.testkit.Events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.testkit.Eventually.await;

/** Consent events → guardians told (SPEC §3, §6); the young person is not sent consent paperwork. */
@QuarkusTest
class ConsentMessagesTest extends NotificationFixtures {

    @Test
    void withdrawnConsentIsConfirmedToEveryGuardian() {
        Guardian mum = Guardian.byEmail("Mo Guardian");
        Guardian dad = Guardian.bySms("Ray Guardian");
        String teenEmail = "teen-" + UUID.randomUUID() + "@example.org";
        UUID youngPerson = family("org-a", "Eli", LocalDate.now().minusYears(15), teenEmail, mum, dad);
        UUID consentId = UUID.randomUUID();
        String event = Events.publish("/consent-service", consentId, new ConsentWithdrawnV1(consentId, youngPerson, "org-a",
                ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(clock)));
        await("the email guardian is told", () -> mailTo(mum.email()).length == 1);
        assertEquals("Consent withdrawn for Eli", subject(mailTo(mum.email())[0]));
        assertTrue(body(mailTo(mum.email())[0]).contains("consent for Eli to take part in group sessions was withdrawn"));
        await("the SMS guardian is told", () -> smsTo(dad.phone()).size() == 1);
        assertTrue(smsTo(dad.phone()).getFirst().text().contains("was withdrawn"));
        await("everything settled", () -> allSettled(event));
        assertEquals(0, mailTo(teenEmail).length, "consent messages are for guardians");
    }

    @Test
    void guardiansAreRemindedBeforeConsentExpires() {
        Guardian guardian = Guardian.byEmail("Val Guardian");
        UUID youngPerson = family("org-a", "Noor", LocalDate.now().minusYears(8), null, guardian);
        UUID consentId = UUID.randomUUID();
        OffsetDateTime expires = OffsetDateTime.now(clock).plusDays(30);
        String event = Events.publish("/consent-service", consentId, new ConsentExpiringV1(consentId, youngPerson, "org-a",
                ConsentScope.ONE_TO_ONE_SESSIONS, expires));
        await("the guardian is reminded", () -> mailTo(guardian.email()).length == 1);
        String body = body(mailTo(guardian.email())[0]);
        assertTrue(body.contains("one to one sessions ends on"), body);
        assertTrue(body.contains("Live is live"), body);
        await("sent", () -> deliveriesOf(event).stream().allMatch(d -> d.status == DeliveryStatus.SENT));
    }

    @Test
    void familyWithNobodyToTellIsSuppressedWithTheReason() {
        UUID youngPerson = family("org-a", "Zed", LocalDate.now().minusYears(8), null);
        UUID consentId = UUID.randomUUID();
        String event = Events.publish("/consent-service", consentId, new ConsentExpiringV1(consentId, youngPerson, "org-a",
                ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(clock).plusDays(30)));
        await("suppressed with why", () -> deliveriesOf(event).stream().anyMatch(d -> d.status == DeliveryStatus.SUPPRESSED
                && "no guardian or young person to tell".equals(d.statusReason)));
    }
}
