package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernRaisedV1;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SafeguardingClock;
import org.safesessions.events.safeguarding.SafeguardingClockBreachedV1;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.notification.domain.StaffRole;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KeycloakResource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §5: an allegation against a member of staff is never told to them, by any channel (email, SMS, in-app feed).
 * Its alerts and clock breaches go to the organisation's DSLs other than the subject; where there is no other DSL,
 * to its managers. Recipients are who Keycloak says the staff are when the message is addressed; while Keycloak is
 * away, the message waits and is retried, and its delivery record says why.
 */
@QuarkusTest
class AllegationAlertsTest extends NotificationFixtures {

    private static final String DSL_A_PHONE = "+44 7700 900661";

    @AfterEach
    void forgetTheSubjectsPhone() {
        QuarkusTransaction.requiringNew().run(() -> StaffContact.delete("organisation = ?1 and userId = ?2", "org-a", DemoStaff.DSL_A));
    }

    @Test
    void testConstantsAreTheStandInsKeycloakIds() {
        assertEquals(KeycloakResource.idOf("worker-a"), DemoStaff.WORKER_A);
        assertEquals(KeycloakResource.idOf("worker2-a"), DemoStaff.WORKER2_A);
        assertEquals(KeycloakResource.idOf("dsl-a"), DemoStaff.DSL_A);
        assertEquals(KeycloakResource.idOf("manager-a"), DemoStaff.MANAGER_A);
    }

    private String allegationRaised(String organisation, String subjectStaffId, RiskLevel risk, String reference) {
        UUID concernId = UUID.randomUUID();
        return Events.publish("/safeguarding-service", concernId, new ConcernRaisedV1(concernId, organisation, reference,
                SubjectType.STAFF_MEMBER, Set.of(ConcernCategory.EMOTIONAL_ABUSE), risk, ConcernSource.STAFF, null,
                OffsetDateTime.now(clock), subjectStaffId));
    }

    private String allegationBreached(String organisation, String subjectStaffId, String reference) {
        UUID concernId = UUID.randomUUID();
        return Events.publish("/safeguarding-service", concernId, new SafeguardingClockBreachedV1(concernId,
                organisation, reference, SafeguardingClock.ACKNOWLEDGEMENT, RiskLevel.IMMEDIATE_DANGER,
                OffsetDateTime.now(clock).minusMinutes(1), OffsetDateTime.now(clock), subjectStaffId));
    }

    private static MimeMessage[] mailAbout(String address, String reference) {
        return Arrays.stream(mailTo(address)).filter(m -> subject(m).contains(reference)).toArray(MimeMessage[]::new);
    }

    private static String reference() {
        return "SG-AL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void phoneOf(String organisation, String staffId, String phone) {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffContact c = StaffContact.of(organisation, staffId).orElseGet(() -> {
                StaffContact n = new StaffContact();
                n.organisation = organisation;
                n.userId = staffId;
                n.updatedBy = "test";
                n.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                n.persist();
                return n;
            });
            c.phone = phone;
        });
    }

    private static boolean anyDeliveryFor(String event, String staffId) {
        return deliveriesOf(event).stream().anyMatch(d -> staffId.equals(d.staffUserId));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void immediateDangerAllegationAgainstADslIsNeverToldToThemByEmailSmsOrFeedAndTheOtherDslIsAlerted() {
        phoneOf("org-a", DemoStaff.DSL_A, DSL_A_PHONE);
        String otherDsl = staff("org-a", "dsl2", "+44 7700 900662", StaffRole.SAFEGUARDING_LEAD);
        String reference = reference();
        String event = allegationRaised("org-a", DemoStaff.DSL_A, RiskLevel.IMMEDIATE_DANGER, reference);

        await("the other DSL is emailed and texted", () -> mailAbout(emailOf(otherDsl), reference).length == 1
                && smsTo("+44 7700 900662").stream().anyMatch(s -> s.text().contains(reference)));
        await("everything settled", () -> allSettled(event));
        assertEquals(0, mailAbout("dsl-a@org-a.example", reference).length, "no email to the subject");
        assertTrue(smsTo(DSL_A_PHONE).stream().noneMatch(s -> s.text().contains(reference)), "no SMS to the subject");
        assertTrue(!anyDeliveryFor(event, DemoStaff.DSL_A), "no message of any channel queued for the subject");
        assertTrue(deliveriesOf(event).stream().anyMatch(d -> d.channel == Channel.IN_APP
                && idOf(otherDsl).equals(d.staffUserId) && d.status == DeliveryStatus.SENT), "the other DSL's feed has it");
        Delivery otherDslsItem = deliveriesOf(event).stream().filter(d -> d.channel == Channel.IN_APP).findFirst().orElseThrow();
        given().get("/me/notifications?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(otherDslsItem.id.toString())))
                .body("items.title", not(hasItem(org.hamcrest.Matchers.containsString(reference))));
        assertEquals(0, mailAbout("manager-a@org-a.example", reference).length, "a DSL handles it: managers are not told");
    }

    @Test
    void whereTheSubjectIsTheOnlyDslTheManagersAreAlertedInstead() {
        String org = "org-x-" + UUID.randomUUID().toString().substring(0, 6);
        String onlyDsl = staff(org, "dsl", "+44 7700 900663", StaffRole.SAFEGUARDING_LEAD);
        String manager = staff(org, "manager", null, StaffRole.MANAGER);
        String worker = staff(org, "worker", null, StaffRole.YOUTH_WORKER);
        String reference = reference();
        String event = allegationRaised(org, idOf(onlyDsl), RiskLevel.HIGH, reference);

        await("the manager is emailed", () -> mailAbout(emailOf(manager), reference).length == 1);
        await("everything settled", () -> allSettled(event));
        assertEquals(0, mailAbout(emailOf(onlyDsl), reference).length, "never the subject");
        assertTrue(smsTo("+44 7700 900663").isEmpty(), "no SMS to the subject");
        assertTrue(!anyDeliveryFor(event, idOf(onlyDsl)));
        assertEquals(0, mailAbout(emailOf(worker), reference).length);
        assertTrue(deliveriesOf(event).stream().anyMatch(d -> d.channel == Channel.IN_APP
                && idOf(manager).equals(d.staffUserId)), "the manager's feed has it");
    }

    @Test
    void breachedClockOfAnAllegationGoesToTheOtherDslsNeverToTheSubject() {
        phoneOf("org-a", DemoStaff.DSL_A, DSL_A_PHONE);
        String otherDsl = staff("org-a", "dsl2", null, StaffRole.SAFEGUARDING_LEAD);
        String reference = reference();
        String event = allegationBreached("org-a", DemoStaff.DSL_A, reference);

        await("the other DSL is emailed", () -> mailAbout(emailOf(otherDsl), reference).length == 1);
        await("everything settled", () -> allSettled(event));
        assertEquals(0, mailAbout("dsl-a@org-a.example", reference).length, "no 'overdue' alert to the subject");
        assertTrue(smsTo(DSL_A_PHONE).stream().noneMatch(s -> s.text().contains(reference)));
        assertTrue(!anyDeliveryFor(event, DemoStaff.DSL_A));
    }

    @Test
    void breachedClockOfAnAllegationAgainstTheOnlyDslGoesToTheManagers() {
        String org = "org-x-" + UUID.randomUUID().toString().substring(0, 6);
        String onlyDsl = staff(org, "dsl", null, StaffRole.SAFEGUARDING_LEAD);
        String manager = staff(org, "manager", null, StaffRole.MANAGER);
        String reference = reference();
        String event = allegationBreached(org, idOf(onlyDsl), reference);
        await("the manager is emailed", () -> mailAbout(emailOf(manager), reference).length == 1);
        await("everything settled", () -> allSettled(event));
        assertEquals(0, mailAbout(emailOf(onlyDsl), reference).length);
    }

    @Test
    void aManagerWhoIsTheSubjectIsNotToldEvenWhenManagersHandleIt() {
        String org = "org-x-" + UUID.randomUUID().toString().substring(0, 6);
        String subject = staff(org, "manager", null, StaffRole.MANAGER, StaffRole.SAFEGUARDING_LEAD);
        String otherManager = staff(org, "manager2", null, StaffRole.MANAGER);
        String reference = reference();
        String event = allegationRaised(org, idOf(subject), RiskLevel.IMMEDIATE_DANGER, reference);
        await("the other manager is emailed", () -> mailAbout(emailOf(otherManager), reference).length == 1);
        await("everything settled", () -> allSettled(event));
        assertEquals(0, mailAbout(emailOf(subject), reference).length);
        assertTrue(!anyDeliveryFor(event, idOf(subject)));
    }

    @Test
    void keycloakUnreachableWhileAlertingTheMessageWaitsIsRetriedAndIsNeverLost() {
        String dsl = staff("org-a", "dsl3", null, StaffRole.SAFEGUARDING_LEAD);
        String reference = reference();
        KeycloakResource.goAway();
        String event = allegationRaised("org-a", DemoStaff.WORKER_A, RiskLevel.IMMEDIATE_DANGER, reference);
        await("the delivery record shows it waiting for the staff directory", () -> deliveriesOf(event).stream()
                .anyMatch(d -> d.recipientKind == Delivery.RecipientKind.STAFF_GROUP && d.status == DeliveryStatus.FAILED
                        && d.statusReason != null && d.statusReason.contains("StaffDirectoryUnavailable")));
        assertEquals(0, mailAbout(emailOf(dsl), reference).length, "nothing sent on a guess");
        KeycloakResource.comeBack();
        await("sent once Keycloak is back", () -> mailAbout(emailOf(dsl), reference).length == 1);
        await("everything settled", () -> allSettled(event));
        assertEquals(1, mailAbout(emailOf(dsl), reference).length, "once");
        assertTrue(!anyDeliveryFor(event, DemoStaff.WORKER_A), "never the subject");
    }
}
