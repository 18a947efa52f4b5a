package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.ParticipantInvitedV1;
import org.safesessions.events.session.ParticipantRemovedV1;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.events.session.SessionCancelledV1;
import org.safesessions.events.session.SessionRescheduledV1;
import org.safesessions.notification.application.MessageData;
import org.safesessions.notification.domain.Language;
import org.safesessions.testkit.Events;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Families get every message in the language they chose, English or Welsh (SPEC §6; the Welsh Language Standards),
 * checked on the mail the SMTP server received: subject and body of a Welsh family's message and of an English one.
 */
@QuarkusTest
class WelshMessagesTest extends NotificationFixtures {

    /** Welsh day and month names, written out here independently of the service's own table. */
    private static final List<String> DAYS = List.of("dydd Llun", "dydd Mawrth", "dydd Mercher", "dydd Iau",
            "dydd Gwener", "dydd Sadwrn", "dydd Sul");
    private static final List<String> MONTHS = List.of("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
            "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr");

    private static String welshDay(OffsetDateTime at) {
        ZonedDateTime uk = at.atZoneSameInstant(TestClock.UK);
        return DAYS.get(uk.getDayOfWeek().ordinal()) + " " + uk.getDayOfMonth() + " "
                + MONTHS.get(uk.getMonthValue() - 1) + " " + uk.getYear();
    }

    private static String englishDay(OffsetDateTime at) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).format(at.atZoneSameInstant(TestClock.UK));
    }

    private OffsetDateTime sessionStart() {
        return LocalDate.now(clock.withZone(TestClock.UK)).plusDays(3).atTime(LocalTime.of(16, 30))
                .atZone(TestClock.UK).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The plain-text part, decoded (Welsh letters such as â and ŵ are not ASCII). */
    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    @Test
    void welshDatesUseWelshDayAndMonthNamesInRunningText() {
        ZonedDateTime firstOfDecember = LocalDate.of(2026, 12, 1).atStartOfDay(TestClock.UK);
        assertEquals("dydd Mawrth 1 Rhagfyr 2026", MessageData.day(firstOfDecember, Language.CY));
        assertEquals("Tuesday 1 December 2026", MessageData.day(firstOfDecember, Language.EN));
        for (int i = 0; i < 7; i++) {
            ZonedDateTime day = firstOfDecember.plusDays(i);
            assertEquals(welshDay(day.toOffsetDateTime()), MessageData.day(day, Language.CY));
        }
        for (int month = 1; month <= 12; month++) {
            ZonedDateTime first = LocalDate.of(2027, month, 1).atStartOfDay(TestClock.UK);
            assertEquals(welshDay(first.toOffsetDateTime()), MessageData.day(first, Language.CY));
        }
    }

    @Test
    void welshGuardianGetsTheInvitationInWelshAndEnglishGuardianInEnglish() throws Exception {
        Guardian mam = Guardian.byEmail("Rhiannon Jones").inLanguage("cy");
        Guardian dad = Guardian.byEmail("Sam Jones").inLanguage("en");
        UUID youngPerson = family("org-a", "Nia", LocalDate.now().minusYears(10), null, mam, dad);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Clwb celf", start, "https://zoom.example/w/9?tk=nia", "Cy12ab");
        Events.publish("/session-service", session, new ParticipantInvitedV1(session, "org-a", youngPerson,
                Platform.ZOOM, start, start.plusHours(1)));

        await("both guardians are emailed", () -> mailTo(mam.email()).length == 1 && mailTo(dad.email()).length == 1);
        MimeMessage welsh = mailTo(mam.email())[0];
        assertEquals("Gwahoddiad: Clwb celf, " + welshDay(start) + " am 16:30", welsh.getSubject());
        String cy = plainText(welsh);
        assertTrue(cy.startsWith("Annwyl Rhiannon Jones,"), cy);
        assertTrue(cy.contains("Rydym yn gwahodd Nia i sesiwn ar Zoom: Clwb celf, " + welshDay(start)
                + ", o 16:30 tan 17:30 (amser y DU)."), cy);
        assertTrue(cy.contains("Eich dolen bersonol i ymuno: https://zoom.example/w/9?tk=nia"), cy);
        assertTrue(cy.contains("Cod mynediad: Cy12ab"), cy);
        assertTrue(cy.contains("Mae'r ddolen hon ar gyfer Nia yn unig: peidiwch â'i rhannu."), cy);
        assertTrue(cy.contains("Cadw'n ddiogel ar-lein:"), cy);
        assertTrue(cy.contains("Peidiwch byth â rhannu gwybodaeth bersonol"), cy);
        assertFalse(cy.contains("Dear") || cy.contains("Live is live") || cy.contains("UK time"), "no English left: " + cy);
        assertTrue(html(welsh).contains("<html lang=\"cy\">"), "the HTML part says it is Welsh");

        MimeMessage english = mailTo(dad.email())[0];
        assertEquals("Invitation: Clwb celf on " + englishDay(start) + " at 16:30", english.getSubject());
        String en = plainText(english);
        assertTrue(en.startsWith("Dear Sam Jones,"), en);
        assertTrue(en.contains("Nia is invited to Clwb celf on Zoom, on " + englishDay(start) + " from 16:30 to 17:30 (UK time)."), en);
        assertTrue(en.contains("Live is live"), en);
        assertFalse(en.contains("Annwyl"), en);
        assertTrue(html(english).contains("<html lang=\"en\">"));
    }

    @Test
    void youngPersonWhoChoseWelshGetsTheirOwnInvitationInWelshWhileTheirGuardianReadsEnglish() throws Exception {
        Guardian guardian = Guardian.byEmail("Chris Evans");
        String teenEmail = "teen-" + UUID.randomUUID() + "@example.org";
        UUID teen = family("org-a", "Osian", LocalDate.now().minusYears(14), teenEmail, "cy", guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, teen, "Fforwm ieuenctid", start, "https://zoom.example/w/10?tk=osian", "Os11an");
        Events.publish("/session-service", session, new ParticipantInvitedV1(session, "org-a", teen,
                Platform.ZOOM, start, start.plusHours(1)));

        await("the young person and the guardian are emailed", () -> mailTo(teenEmail).length == 1
                && mailTo(guardian.email()).length == 1);
        assertTrue(mailTo(teenEmail)[0].getSubject().startsWith("Gwahoddiad: Fforwm ieuenctid, "));
        assertTrue(plainText(mailTo(teenEmail)[0]).startsWith("Annwyl Osian,"));
        assertTrue(mailTo(guardian.email())[0].getSubject().startsWith("Invitation: Fforwm ieuenctid on "),
                "no language given for the guardian: English");
    }

    @Test
    void welshGuardianWhoPrefersSmsGetsTheTextInWelsh() {
        Guardian guardian = Guardian.bySms("Gareth Huws").inLanguage("cy");
        UUID youngPerson = family("org-a", "Elin", LocalDate.now().minusYears(9), null, guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        joinDetails("org-a", session, youngPerson, "Noson gemau", start, "https://zoom.example/w/11?tk=elin", "El22in");
        Events.publish("/session-service", session, new ParticipantInvitedV1(session, "org-a", youngPerson,
                Platform.ZOOM, start, start.plusHours(1)));
        await("a text reaches the guardian", () -> smsTo(guardian.phone()).size() == 1);
        assertEquals("SafeSessions: gwahoddiad i Elin: Noson gemau, " + welshDay(start) + " am 16:30. "
                + "Ymuno: https://zoom.example/w/11?tk=elin cod mynediad El22in", smsTo(guardian.phone()).getFirst().text());
    }

    @Test
    void welshGuardianWhoPrefersSmsIsToldOfAMoveInWelshWithTheOldAndTheNewDate() {
        Guardian guardian = Guardian.bySms("Mererid Owen").inLanguage("cy");
        UUID youngPerson = family("org-a", "Iestyn", LocalDate.now().minusYears(10), null, guardian);
        UUID session = UUID.randomUUID();
        OffsetDateTime was = sessionStart();
        OffsetDateTime now = was.plusDays(1);
        Events.publish("/session-service", session, new SessionRescheduledV1(session, "org-a", was, now,
                now.plusHours(1), List.of("worker-a"), List.of(youngPerson)));
        await("a text reaches the guardian", () -> smsTo(guardian.phone()).size() == 1);
        assertEquals("SafeSessions: sesiwn wedi'i symud. Hen ddyddiad: " + welshDay(was) + " am 16:30. "
                + "Dyddiad newydd: " + welshDay(now) + " am 16:30.", smsTo(guardian.phone()).getFirst().text());
    }

    @Test
    void welshGuardianIsRemindedOfConsentExpiryInWelsh() throws Exception {
        Guardian guardian = Guardian.byEmail("Siân Morgan").inLanguage("cy");
        UUID youngPerson = family("org-a", "Dylan", LocalDate.now().minusYears(9), null, guardian);
        UUID consentId = UUID.randomUUID();
        OffsetDateTime expires = OffsetDateTime.now(clock).plusDays(20);
        Events.publish("/consent-service", consentId, new ConsentExpiringV1(consentId, youngPerson, "org-a",
                ConsentScope.GROUP_SESSIONS, expires));
        await("the reminder is emailed", () -> mailTo(guardian.email()).length == 1);
        MimeMessage mail = mailTo(guardian.email())[0];
        assertEquals("Caniatâd ar gyfer Dylan yn dod i ben: " + welshDay(expires), mail.getSubject());
        String text = plainText(mail);
        assertTrue(text.startsWith("Annwyl Siân Morgan,"), text);
        assertTrue(text.contains("Mae eich caniatâd i Dylan gymryd rhan mewn sesiynau grŵp yn dod i ben. "
                + "Dyddiad dod i ben: " + welshDay(expires) + "."), text);
        assertTrue(text.contains("cysylltwch â'r cydlynydd i'w adnewyddu"), text);
        assertTrue(text.contains("Cadw'n ddiogel ar-lein"), text);
    }

    @Test
    void welshFamilyIsToldOfACancellationAndARemovalInWelsh() throws Exception {
        Guardian guardian = Guardian.byEmail("Eleri Prys").inLanguage("cy");
        UUID youngPerson = family("org-a", "Gwion", LocalDate.now().minusYears(11), null, guardian);
        UUID cancelled = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        OffsetDateTime start = sessionStart();
        Events.publish("/session-service", cancelled, new SessionCancelledV1(cancelled, "org-a", start,
                OffsetDateTime.now(clock), List.of("worker-a"), List.of(youngPerson)));
        await("the cancellation is emailed", () -> mailTo(guardian.email()).length == 1);
        MimeMessage cancellation = mailTo(guardian.email())[0];
        assertEquals("Sesiwn wedi'i chanslo: " + welshDay(start), cancellation.getSubject());
        assertTrue(plainText(cancellation).contains("Mae sesiwn Gwion (" + welshDay(start)
                + " am 16:30, amser y DU) wedi'i chanslo."), plainText(cancellation));

        Events.publish("/session-service", other, new ParticipantRemovedV1(other, "org-a", youngPerson,
                RemovalReason.CONSENT_EXPIRED, start.plusDays(1), OffsetDateTime.now(clock)));
        await("the removal is emailed", () -> mailTo(guardian.email()).length == 2);
        MimeMessage removal = mailTo(guardian.email())[1];
        assertEquals("Lle Gwion yn y sesiwn wedi'i ganslo: " + welshDay(start.plusDays(1)), removal.getSubject());
        assertTrue(plainText(removal).contains("wedi'i ganslo: mae'r caniatâd wedi dod i ben."), plainText(removal));
    }
}
