package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.safesessions.events.session.SessionCancelledV1;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.events.session.UnknownParticipantWaitingV1;
import org.safesessions.events.session.ZoomHostSettingsDriftedV1;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.StaffRole;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KeycloakResource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session's facilitators are told things by who they are, not by what they are called (SPEC §2 "Staff identity",
 * §6): session events carry their Keycloak ids ({@code facilitatorIds}) and those decide who is alerted, resolved in
 * the staff directory when the alert is sent; the user names beside them only address an event published before ids.
 */
@QuarkusTest
class FacilitatorAlertsTest extends NotificationFixtures {

    private String unknownParticipant(UUID session, List<String> names, List<String> ids) {
        return Events.publish("/session-service", session, new UnknownParticipantJoinedV1(session, "org-a",
                "zoom-participant-13", OffsetDateTime.now(clock), names, ids));
    }

    private static List<Delivery> toStaffMember(String event, String userName) {
        return deliveriesOf(event).stream().filter(d -> idOf(userName).equals(d.staffUserId)).toList();
    }

    /** A session three days ahead at 16:30 UK time, so a cancellation is of a future session. */
    private OffsetDateTime sessionStart() {
        return LocalDate.now(clock.withZone(TestClock.UK)).plusDays(3).atTime(LocalTime.of(16, 30))
                .atZone(TestClock.UK).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Test
    void theAlertReachesTheFacilitatorTheIdNamesNotWhoeverTheNameNowBelongsTo() {
        // The event names the facilitator by id; the name beside it is now someone else's (in the stand-in a user
        // name fixes the id, so "renamed" is staged as an event whose name and id name two different people).
        String facilitator = staff("org-a", "lead", null, StaffRole.YOUTH_WORKER);
        String nowHoldsTheName = staff("org-a", "namesake", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        String event = unknownParticipant(session, List.of(nowHoldsTheName), List.of(idOf(facilitator)));

        await("the facilitator named by id is emailed", () -> mailTo(emailOf(facilitator)).length == 1);
        assertTrue(subject(mailTo(emailOf(facilitator))[0]).startsWith("URGENT: unknown participant"));
        await("every message of the event is settled", () -> allSettled(event));
        assertEquals(0, mailTo(emailOf(nowHoldsTheName)).length, "the holder of the name is never told");
        assertEquals(List.of(), toStaffMember(event, nowHoldsTheName));
        assertTrue(toStaffMember(event, facilitator).stream()
                .anyMatch(d -> d.channel == Channel.IN_APP && d.status == DeliveryStatus.SENT));
    }

    @Test
    void aCancellationTellsTheFacilitatorsByIdToo() {
        String facilitator = staff("org-a", "lead", null, StaffRole.YOUTH_WORKER);
        String nowHoldsTheName = staff("org-a", "namesake", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        String event = Events.publish("/session-service", session, new SessionCancelledV1(session, "org-a",
                sessionStart(), OffsetDateTime.now(clock), List.of(nowHoldsTheName), List.of(),
                List.of(idOf(facilitator))));

        await("the facilitator named by id is told", () -> mailTo(emailOf(facilitator)).length == 1);
        assertTrue(subject(mailTo(emailOf(facilitator))[0]).contains("cancelled"));
        await("every message of the event is settled", () -> allSettled(event));
        assertEquals(0, mailTo(emailOf(nowHoldsTheName)).length, "the holder of the name is never told");
        assertEquals(List.of(), toStaffMember(event, nowHoldsTheName));
    }

    @Test
    void aFacilitatorWhoHasLeftIsSkippedAndTheirDeliveryRecordSaysSo() {
        String stays = staff("org-a", "lead", null, StaffRole.YOUTH_WORKER);
        String leaves = staff("org-a", "leaver", null, StaffRole.YOUTH_WORKER);
        String leaverId = idOf(leaves);
        String leaverEmail = emailOf(leaves);
        KeycloakResource.removeUser(leaves);
        UUID session = UUID.randomUUID();
        String event = unknownParticipant(session, List.of(stays, leaves), List.of(idOf(stays), leaverId));

        await("the one still on the staff is emailed", () -> mailTo(emailOf(stays)).length == 1);
        await("every message of the event is settled", () -> allSettled(event));
        assertEquals(0, mailTo(leaverEmail).length);
        List<Delivery> toLeaver = deliveriesOf(event).stream().filter(d -> leaverId.equals(d.staffUserId)).toList();
        assertEquals(1, toLeaver.size(), "one record that the leaver was not told");
        assertEquals(DeliveryStatus.SUPPRESSED, toLeaver.get(0).status);
        assertEquals("not an enabled member of staff of the organisation", toLeaver.get(0).statusReason);
    }

    @Test
    void whenEveryFacilitatorHasLeftTheAlertsRecordSaysNobodyWasToldAndWhy() {
        String leaves = staff("org-a", "leaver", null, StaffRole.YOUTH_WORKER);
        String leaverId = idOf(leaves);
        KeycloakResource.disableUser(leaves);
        String event = unknownParticipant(UUID.randomUUID(), List.of(leaves), List.of(leaverId));

        await("the alert is settled", () -> allSettled(event));
        List<Delivery> all = deliveriesOf(event);
        assertEquals(1, all.size(), "the alert's own record, and nobody addressed");
        assertEquals(DeliveryStatus.SUPPRESSED, all.get(0).status);
        assertEquals("nobody on the staff to tell: 1 named no longer an enabled member of staff of the organisation",
                all.get(0).statusReason);
    }

    @Test
    void anEventFromBeforeIdsIsAddressedByItsUserNames() {
        String lead = staff("org-a", "lead", null, StaffRole.YOUTH_WORKER);
        String second = staff("org-a", "second", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        // the constructor of events published before facilitatorIds existed: names only (in any case)
        String event = Events.publish("/session-service", session, new UnknownParticipantJoinedV1(session, "org-a",
                "zoom-participant-14", OffsetDateTime.now(clock), List.of(lead.toUpperCase(), second)));

        await("both facilitators are emailed", () -> mailTo(emailOf(lead)).length == 1 && mailTo(emailOf(second)).length == 1);
        await("every message of the event is settled", () -> allSettled(event));
        assertEquals(idOf(lead), toStaffMember(event, lead).get(0).staffUserId);
    }

    @Test
    void aFacilitatorTheEventHasNoIdForIsStillToldByNameAndEachPersonOnce() {
        // a session row from before ids, not yet backfilled: the event names two people but carries one id
        String withId = staff("org-a", "lead", null, StaffRole.YOUTH_WORKER);
        String withoutId = staff("org-a", "older", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        String event = unknownParticipant(session, List.of(withId, withoutId), List.of(idOf(withId)));

        await("both are emailed", () -> mailTo(emailOf(withId)).length == 1 && mailTo(emailOf(withoutId)).length == 1);
        await("every message of the event is settled", () -> allSettled(event));
        assertEquals(1, toStaffMember(event, withId).stream().filter(d -> d.channel == Channel.EMAIL).count(),
                "named by id and by name, told once");
    }

    @Test
    void aStrangerInTheWaitingRoomAlertsTheFacilitatorsAtOnceOnEveryChannelAndNoOneElse() {
        String facilitator = staff("org-a", "lead", null, StaffRole.YOUTH_WORKER);
        String colleague = staff("org-a", "colleague", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        String event = Events.publish("/session-service", session, new UnknownParticipantWaitingV1(session, "org-a",
                "zoom-participant-21", OffsetDateTime.now(clock), List.of(facilitator), List.of(idOf(facilitator))));

        await("the facilitator is emailed", () -> mailTo(emailOf(facilitator)).length == 1);
        String subject = subject(mailTo(emailOf(facilitator))[0]);
        assertTrue(subject.startsWith("URGENT: someone not invited is in your session's waiting room"), subject);
        await("every message of the event is settled", () -> allSettled(event));
        assertTrue(toStaffMember(event, facilitator).stream()
                .anyMatch(d -> d.channel == Channel.IN_APP && d.status == DeliveryStatus.SENT));
        assertEquals(0, mailTo(emailOf(colleague)).length, "only the session's facilitators");
    }

    @Test
    void aZoomHostWhoseSafetySettingsDriftedIsToldToTheManagersWithTheSettingsNotTheHost() {
        String manager = staff("org-a", "boss", null, StaffRole.MANAGER);
        String worker = staff("org-a", "lead", null, StaffRole.YOUTH_WORKER);
        UUID session = UUID.randomUUID();
        String event = Events.publish("/session-service", session, new ZoomHostSettingsDriftedV1(session, "org-a",
                List.of("in_meeting.private_chat"), OffsetDateTime.now(clock)));

        await("the manager is emailed", () -> mailTo(emailOf(manager)).length == 1);
        await("every message of the event is settled", () -> allSettled(event));
        String body = body(mailTo(emailOf(manager))[0]);
        assertTrue(body.contains("in_meeting.private_chat") && body.contains("/policy#zoom-hosts"), body);
        assertEquals(0, mailTo(emailOf(worker)).length, "managers only");
    }
}
