package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.MeetingProvisioningFailedV1;
import org.safesessions.events.session.ParticipantInvitedV1;
import org.safesessions.events.session.ParticipantRemovedV1;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.events.session.SessionCancelledV1;
import org.safesessions.events.session.SessionRescheduledV1;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.StaffRole;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.SmtpResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.testkit.Eventually.await;

/** Session events → who is told what, by which channel (SPEC §6). */
@QuarkusTest
class SessionMessagesTest extends NotificationFixtures {

    private static final String[] SAFETY_REMINDERS = {"Live is live", "Never share personal information",
            "Don't accept contact requests", "where you are broadcasting from", "tell a youth worker or a trusted adult"};

    /** A session three days after the (test) clock's now, at 16:30 UK time: inside working hours, outside quiet hours. */
    private OffsetDateTime sessionStart() {
        return LocalDate.now(clock.withZone(TestClock.UK)).plusDays(3).atTime(LocalTime.of(16, 30))
                .atZone(TestClock.UK).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private String invite(UUID sessionId, UUID youngPersonId, OffsetDateTime startsAt) {
        return Events.publish("/session-service", sessionId, new ParticipantInvitedV1(sessionId, "org-a", youngPersonId,
                Platform.ZOOM, startsAt, startsAt.plusHours(1)));
    }

    private static void assertSafetyReminders(String body) {
        for (String reminder : SAFETY_REMINDERS) {
            assertTrue(body.contains(reminder), "missing safety reminder '" + reminder + "' in " + body);
        }
    }

    @Test
    void invitationGoesToEachGuardianWithDateTimePersonalJoinLinkPasscodeAndSafetyReminders() throws Exception {
        Guardian mum = Guardian.byEmail("Pat Guardian");
        Guardian dad = Guardian.byEmail("Sam Guardian");
        UUID youngPerson = family("org-a", "Alex", LocalDate.now().minusYears(11), null, mum, dad);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Friday art club", start, "https://zoom.example/w/1?tk=alex", "Xy12ab");
        invite(session, youngPerson, start);

        await("both guardians are emailed", () -> mailTo(mum.email()).length == 1 && mailTo(dad.email()).length == 1);
        MimeMessage mail = mailTo(mum.email())[0];
        String day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).format(start.atZoneSameInstant(TestClock.UK));
        assertEquals("Invitation: Friday art club on " + day + " at 16:30", subject(mail));
        String body = body(mail);
        assertTrue(body.contains("Dear Pat Guardian"), body);
        assertTrue(body.contains("Alex is invited to Friday art club on Zoom, on " + day + " from 16:30 to 17:30"), body);
        assertTrue(body.contains("https://zoom.example/w/1?tk=alex"), body);
        assertTrue(body.contains("Passcode: Xy12ab"), body);
        assertSafetyReminders(body);
        assertTrue(mail.getHeader("Message-ID")[0].endsWith("@safesessions.local>"), "Message-ID derived from the delivery");
    }

    /** How many times consent-service was asked for the young person's contacts. */
    private static int contactLookups(UUID youngPersonId) {
        return ConsentServiceStub.server.countRequestsMatching(WireMock.getRequestedFor(
                WireMock.urlPathEqualTo("/young-people/" + youngPersonId + "/contacts")).build()).getCount();
    }

    @Test
    void eachGuardiansInvitationIsSentWithTheContactsLookedUpAsTheFamilyMessageWasAddressed() {
        Guardian mum = Guardian.byEmail("Ria Guardian");
        Guardian dad = Guardian.byEmail("Tom Guardian");
        UUID youngPerson = family("org-a", "Noor", LocalDate.now().minusYears(9), null, mum, dad);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Drama club", start, "https://zoom.example/w/7?tk=noor", "Dd77dd");
        String invitation = invite(session, youngPerson, start);

        await("both guardians are emailed", () -> mailTo(mum.email()).length == 1 && mailTo(dad.email()).length == 1);
        assertTrue(body(mailTo(dad.email())[0]).contains("Dear Tom Guardian"));
        assertEquals(1, contactLookups(youngPerson), "looked up when sending: once, for the family and its messages");
        // SMTP has the email a moment before its record says SENT (the outcome is recorded once SMTP accepts it)
        await("each guardian's message has its own delivery record, sent", () -> deliveriesOf(invitation).stream()
                .filter(d -> d.recipientKind == Delivery.RecipientKind.GUARDIAN && d.templateKey.equals("session-invitation")
                        && d.status == DeliveryStatus.SENT).count() == 2);
    }

    @Test
    void aGuardiansInvitationThatFailsIsRetriedWithTheirContactsLookedUpAgain() {
        Guardian guardian = Guardian.byEmail("Ash Guardian");
        UUID youngPerson = family("org-a", "Rae", LocalDate.now().minusYears(10), null, guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Chess club", start, "https://zoom.example/w/8?tk=rae", "Cc88cc");
        SmtpResource.stopSmtp();
        try {
            String invitation = invite(session, youngPerson, start);
            await("the guardian's message fails while SMTP is away", () -> deliveriesOf(invitation).stream()
                    .anyMatch(d -> d.recipientKind == Delivery.RecipientKind.GUARDIAN && d.status == DeliveryStatus.FAILED));
        } finally {
            SmtpResource.startSmtp();
        }
        await("it is sent once SMTP is back", () -> mailTo(guardian.email()).length == 1);
        assertTrue(contactLookups(youngPerson) >= 2, "the retry looked the contacts up again, when it sent");
    }

    @Test
    void youngPersonOf13WithAnEmailGetsTheirOwnInvitationButAYoungerOneDoesNot() {
        Guardian guardian = Guardian.byEmail("Jo Guardian");
        String teenEmail = "teen-" + UUID.randomUUID() + "@example.org";
        UUID teen = family("org-a", "Robin", LocalDate.now().minusYears(13).minusDays(1), teenEmail, guardian);
        String childEmail = "child-" + UUID.randomUUID() + "@example.org";
        UUID child = family("org-a", "Kim", LocalDate.now().minusYears(12), childEmail, Guardian.byEmail("Lee"));
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, teen, "Youth forum", start, "https://zoom.example/w/2?tk=robin", "Pq34rs");
        joinDetails("org-a", session, child, "Youth forum", start, "https://zoom.example/w/2?tk=kim", "Pq34rs");
        invite(session, teen, start);
        String childInvitation = invite(session, child, start);

        await("the 13-year-old is emailed", () -> mailTo(teenEmail).length == 1);
        String body = body(mailTo(teenEmail)[0]);
        assertTrue(body.contains("Dear Robin"), body);
        assertTrue(body.contains("https://zoom.example/w/2?tk=robin"), body);
        assertSafetyReminders(body);
        await("the younger one's family is done", () -> deliveriesOf(childInvitation).stream()
                .filter(d -> d.templateKey.equals("session-invitation"))
                .allMatch(d -> d.status == DeliveryStatus.SENT) && deliveriesOf(childInvitation).size() >= 2);
        assertEquals(0, mailTo(childEmail).length, "under 13: only the guardian is told");
    }

    @Test
    void guardianWhoPrefersSmsGetsTheInvitationByText() {
        Guardian guardian = Guardian.bySms("Ali Guardian");
        UUID youngPerson = family("org-a", "Max", LocalDate.now().minusYears(10), null, guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Games night", start, "https://zoom.example/w/3?tk=max", "Zz99zz");
        invite(session, youngPerson, start);
        await("a text reaches the guardian", () -> smsTo(guardian.phone()).size() == 1);
        String text = smsTo(guardian.phone()).getFirst().text();
        assertTrue(text.contains("Max is invited to Games night"), text);
        assertTrue(text.contains("https://zoom.example/w/3?tk=max"), text);
    }

    @Test
    void remindersAreQueuedForADayAndAnHourBeforeAndSentThen() {
        Guardian guardian = Guardian.byEmail("Chris Guardian");
        UUID youngPerson = family("org-a", "Sky", LocalDate.now().minusYears(9), null, guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Book club", start, "https://zoom.example/w/4?tk=sky", "Bb11cc");
        String invitation = invite(session, youngPerson, start);
        await("the invitation is sent", () -> mailTo(guardian.email()).length == 1);
        List<Delivery> reminders = deliveriesOf(invitation).stream().filter(d -> d.templateKey.startsWith("session-reminder")).toList();
        assertEquals(2, reminders.size());
        assertTrue(reminders.stream().allMatch(d -> d.status == DeliveryStatus.QUEUED));
        assertTrue(reminders.stream().anyMatch(d -> d.nextAttemptAt.toInstant().equals(start.minusHours(24).toInstant())));
        assertTrue(reminders.stream().anyMatch(d -> d.nextAttemptAt.toInstant().equals(start.minusHours(1).toInstant())));

        clock.setTo(start.minusHours(24).plusMinutes(1).toInstant());
        await("the day-before reminder is sent", () -> mailTo(guardian.email()).length == 2);
        assertTrue(subject(mailTo(guardian.email())[1]).startsWith("Reminder: Book club tomorrow at 16:30"));
        assertSafetyReminders(body(mailTo(guardian.email())[1]));
        clock.setTo(start.minusMinutes(59).toInstant());
        await("the hour-before reminder is sent", () -> mailTo(guardian.email()).length == 3);
        assertEquals("Starting soon: Book club at 16:30", subject(mailTo(guardian.email())[2]));
    }

    @Test
    void cancelledSessionWithdrawsRemindersAndTellsFamiliesAndFacilitators() {
        Guardian guardian = Guardian.byEmail("Dee Guardian");
        UUID youngPerson = family("org-a", "Ash", LocalDate.now().minusYears(10), null, guardian);
        String facilitator = staff("org-a", "worker", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Drama", start, "https://zoom.example/w/5?tk=ash", "Dd22ee");
        String invitation = invite(session, youngPerson, start);
        await("the invitation is sent", () -> mailTo(guardian.email()).length == 1);

        Events.publish("/session-service", session, new SessionCancelledV1(session, "org-a", start,
                OffsetDateTime.now(clock), List.of(facilitator), List.of(youngPerson)));
        await("the family is told", () -> mailTo(guardian.email()).length == 2);
        assertTrue(subject(mailTo(guardian.email())[1]).contains("cancelled"));
        await("the facilitator is told", () -> mailTo(emailOf(facilitator)).length == 1);
        assertTrue(deliveriesOf(invitation).stream().filter(d -> d.templateKey.startsWith("session-reminder"))
                .allMatch(d -> d.status == DeliveryStatus.SUPPRESSED && "session cancelled".equals(d.statusReason)));
    }

    @Test
    void rescheduledSessionMovesRemindersAndTellsFamilies() {
        Guardian guardian = Guardian.byEmail("Fran Guardian");
        UUID youngPerson = family("org-a", "Bo", LocalDate.now().minusYears(10), null, guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Cooking", start, "https://zoom.example/w/6?tk=bo", "Ff33gg");
        String invitation = invite(session, youngPerson, start);
        await("the invitation is sent", () -> mailTo(guardian.email()).length == 1);

        OffsetDateTime later = start.plusDays(1);
        Events.publish("/session-service", session, new SessionRescheduledV1(session, "org-a", start, later,
                later.plusHours(1), List.of("worker-a"), List.of(youngPerson)));
        await("the family is told of the change", () -> mailTo(guardian.email()).length == 2);
        assertTrue(body(mailTo(guardian.email())[1]).contains("It is now on "), body(mailTo(guardian.email())[1]));
        await("the reminders moved with the session", () -> deliveriesOf(invitation).stream()
                .filter(d -> d.templateKey.equals("session-reminder-1h"))
                .allMatch(d -> d.nextAttemptAt.toInstant().equals(later.minusHours(1).toInstant())));
    }

    @Test
    void participantRemovedForWithdrawnConsentTellsCoordinatorsAndTheGuardian() {
        Guardian guardian = Guardian.byEmail("Gil Guardian");
        UUID youngPerson = family("org-a", "Cy", LocalDate.now().minusYears(10), null, guardian);
        String coordinator = staff("org-b", "coord", null, StaffRole.COORDINATOR);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        Events.publish("/session-service", session, new ParticipantRemovedV1(session, "org-b", youngPerson,
                RemovalReason.CONSENT_WITHDRAWN, start, OffsetDateTime.now(clock)));
        // the young person belongs to org-a's stub: org-b's lookup finds nobody, so only the coordinator hears
        await("the coordinator is emailed", () -> mailTo(emailOf(coordinator)).length == 1);
        String body = body(mailTo(emailOf(coordinator))[0]);
        assertTrue(body.contains("consent was withdrawn"), body);
        assertFalse(body.contains("Cy"), "no child's name to staff: " + body);

        Events.publish("/session-service", session, new ParticipantRemovedV1(session, "org-a", youngPerson,
                RemovalReason.CONSENT_WITHDRAWN, start, OffsetDateTime.now(clock)));
        await("the guardian is told", () -> mailTo(guardian.email()).length == 1);
        assertTrue(body(mailTo(guardian.email())[0]).contains("Cy is no longer booked"));
    }

    @Test
    void unknownParticipantAlertsTheSessionsFacilitatorsAtOnceOnEveryChannel() {
        String lead = staff("org-a", "worker", "+44 7700 900111", StaffRole.YOUTH_WORKER);
        String second = staff("org-a", "worker2", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        String event = Events.publish("/session-service", session, new UnknownParticipantJoinedV1(session, "org-a",
                "zoom-participant-77", OffsetDateTime.now(clock), List.of(lead, second)));
        await("both facilitators are emailed", () -> mailTo(emailOf(lead)).length == 1 && mailTo(emailOf(second)).length == 1);
        assertTrue(subject(mailTo(emailOf(lead))[0]).startsWith("URGENT: unknown participant"));
        await("the one with a phone gets a text", () -> smsTo("+44 7700 900111").size() == 1);
        await("both see it in the app", () -> deliveriesOf(event).stream()
                .filter(d -> d.channel == Channel.IN_APP && d.status == DeliveryStatus.SENT).count() == 2);
        await("the one without a phone is recorded as such", () -> deliveriesOf(event).stream()
                .anyMatch(d -> d.channel == Channel.SMS && d.status == DeliveryStatus.SUPPRESSED
                        && "no phone number".equals(d.statusReason)));
        assertTrue(deliveriesOf(event).stream().allMatch(d -> d.urgent));
    }

    @Test
    void provisioningFailureTellsTheOrganisationsCoordinators() {
        String coordinator = staff("org-a", "coord", null, StaffRole.COORDINATOR);
        String worker = staff("org-a", "worker", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        String event = Events.publish("/session-service", session, new MeetingProvisioningFailedV1(session, "org-a",
                "HTTP_503", 6, start, OffsetDateTime.now(clock)));
        await("the coordinator is emailed", () -> mailTo(emailOf(coordinator)).length == 1);
        String body = body(mailTo(emailOf(coordinator))[0]);
        assertTrue(body.contains("after 6 attempts (HTTP_503)"), body);
        assertTrue(body.contains("/sessions/" + session), body);
        await("all sent", () -> allSettled(event));
        assertEquals(0, mailTo(emailOf(worker)).length, "youth workers are not told");
    }

    @Test
    void invitationForAYoungPersonNoLongerInvitedIsSuppressed() {
        Guardian guardian = Guardian.byEmail("Hal Guardian");
        UUID youngPerson = family("org-a", "Dev", LocalDate.now().minusYears(10), null, guardian);
        UUID session = UUID.randomUUID(); // no join details on session-service: 404
        String invitation = invite(session, youngPerson, sessionStart());
        await("the guardian's invitation is suppressed", () -> deliveriesOf(invitation).stream()
                .anyMatch(d -> d.templateKey.equals("session-invitation") && d.channel == Channel.EMAIL
                        && d.status == DeliveryStatus.SUPPRESSED && "no longer invited to the session".equals(d.statusReason)));
        assertEquals(0, mailTo(guardian.email()).length);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Delivery.count(
                "eventId = ?1 and recipientKind = ?2 and templateKey = 'session-invitation'",
                org.safesessions.events.EventJson.readEnvelope(invitation).id(), Delivery.RecipientKind.FAMILY)));
    }

    @Test
    void lateEventsAboutASessionThatAlreadyStartedTellNobody() {
        Guardian guardian = Guardian.byEmail("Ira Guardian");
        UUID youngPerson = family("org-a", "Fen", LocalDate.now().minusYears(10), null, guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime started = OffsetDateTime.now(clock).minusHours(2);
        joinDetails("org-a", session, youngPerson, "Old session", started, "https://zoom.example/w/7?tk=fen", "Oo11pp");
        String late = invite(session, youngPerson, started);
        String cancelled = Events.publish("/session-service", session, new SessionCancelledV1(session, "org-a", started,
                OffsetDateTime.now(clock), List.of(), List.of(youngPerson)));
        // a later event on the same partition proves both were consumed
        Guardian other = Guardian.byEmail("Jay Guardian");
        UUID otherYoungPerson = family("org-a", "Gus", LocalDate.now().minusYears(10), null, other);
        joinDetails("org-a", session, otherYoungPerson, "New session", sessionStart(), "https://zoom.example/w/8?tk=gus", "Qq22rr");
        invite(session, otherYoungPerson, sessionStart());
        await("the later invitation is sent", () -> mailTo(other.email()).length == 1);
        assertTrue(deliveriesOf(late).isEmpty(), "no invitation for a session that already started");
        assertTrue(deliveriesOf(cancelled).isEmpty(), "no cancellation for a session that already started");
        assertEquals(0, mailTo(guardian.email()).length);
    }
}
