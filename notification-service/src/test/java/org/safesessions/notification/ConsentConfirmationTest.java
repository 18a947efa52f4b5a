package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KafkaProbe;
import org.safesessions.testkit.SmtpResource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConsentConfirmationTest extends NotificationTestStack {

    /** A month ago, so the consents are active whenever the tests run. */
    private static final OffsetDateTime GIVEN = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(1).withNano(0);

    private UUID youngPersonId;
    private UUID guardianId;
    private String guardianEmail;

    @BeforeEach
    void aRegisteredYoungPersonWithAGuardian() {
        youngPersonId = UUID.randomUUID();
        guardianId = UUID.randomUUID();
        guardianEmail = "guardian-" + guardianId + "@example.org";
        ConsentServiceStub.server.stubFor(get(urlPathEqualTo("/young-people/" + youngPersonId + "/contacts"))
                .withQueryParam("organisation", equalTo("org-a"))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"youngPersonId":"%s","organisation":"org-a","preferredName":"Alex",
                         "guardians":[{"id":"%s","name":"Pat Guardian","relationship":"mother","email":"%s",
                                       "phone":null,"preferredChannel":"EMAIL"}]}""".formatted(youngPersonId, guardianId, guardianEmail))));
    }

    private String consentGranted() {
        UUID consentId = UUID.randomUUID();
        var payload = new ConsentGrantedV1(consentId, youngPersonId, "org-a", ConsentScope.GROUP_SESSIONS,
                Set.of(Platform.ZOOM), ConsentGiver.GUARDIAN, guardianId, GIVEN, GIVEN.plusYears(1));
        return Events.publish("/consent-service", consentId, payload);
    }

    private MimeMessage[] mailTo(String address) {
        return Arrays.stream(SmtpResource.received()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    private DeliveryStatus statusOf(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("eventId", eventId)
                .firstResultOptional().map(d -> d.status).orElse(null));
    }

    /** As {@link NotificationFixtures#await}: the kit's 30 s. */
    private static void await(String what, java.util.function.BooleanSupplier condition) {
        org.safesessions.testkit.Eventually.await(what, condition);
    }

    @Test
    void guardianWhoGaveConsentIsEmailedAConfirmationWithTheSafetyReminders() throws Exception {
        consentGranted();
        await("the confirmation reaches the SMTP server", () -> mailTo(guardianEmail).length == 1);
        MimeMessage mail = mailTo(guardianEmail)[0];
        assertEquals("Consent recorded for Alex", mail.getSubject());
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        assertTrue(body.contains("Dear Pat Guardian"), body);
        assertTrue(body.contains("group sessions on Zoom"), body);
        assertTrue(body.contains("Live is live"), body);
        assertTrue(body.contains("Don't accept contact requests"), body);
        String expiresOn = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK)
                .format(GIVEN.plusYears(1).atZoneSameInstant(java.time.ZoneId.of("Europe/London")));
        assertTrue(body.contains(expiresOn), body);
    }

    @Test
    void redeliveredEventSendsNothingTwice() {
        String event = consentGranted();
        await("the first email", () -> mailTo(guardianEmail).length == 1);
        CloudEvent envelope = EventJson.readEnvelope(event);
        KafkaProbe.send("consent-events", envelope.subject(), event);
        KafkaProbe.send("consent-events", envelope.subject(), event);
        consentGranted(); // a new event for the same guardian: a second, distinct message
        await("the second event's email", () -> mailTo(guardianEmail).length == 2);
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(2, mailTo(guardianEmail).length, "the redelivered event produced no second message");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId", envelope.id())));
    }

    @Test
    void smtpDownThenUpDeliversLateAndOnce() {
        SmtpResource.stopSmtp();
        String eventId;
        try {
            eventId = EventJson.readEnvelope(consentGranted()).id();
            await("the send fails and is scheduled again", () -> statusOf(eventId) == DeliveryStatus.FAILED);
        } finally {
            SmtpResource.startSmtp();
        }
        await("the message is sent once SMTP is back", () -> statusOf(eventId) == DeliveryStatus.SENT);
        assertEquals(1, mailTo(guardianEmail).length);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void deliveryRecordsTotalIsTheOrganisationsNumberOfRecordsAsCountingThemWouldGive() {
        String eventId = EventJson.readEnvelope(consentGranted()).id();
        await("the message is sent", () -> statusOf(eventId) == DeliveryStatus.SENT);
        given().get("/notifications?size=1").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo((int) recordsOfOrgA()));

        long before = recordsOfOrgA();
        QuarkusTransaction.requiringNew().run(() -> Delivery.delete("eventId", eventId));
        assertEquals(before - 1, recordsOfOrgA());
        given().get("/notifications?size=1").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo((int) before - 1));
    }

    private static long recordsOfOrgA() {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("organisation", "org-a"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerSeesDeliveryRecords() {
        String eventId = EventJson.readEnvelope(consentGranted()).id();
        await("the message is sent", () -> statusOf(eventId) == DeliveryStatus.SENT);
        given().get("/notifications?size=200").then().statusCode(200).body("items.eventId", hasItem(eventId));
        Delivery stored = QuarkusTransaction.requiringNew().call(() ->
                Delivery.<Delivery>find("eventId", eventId).firstResult());
        String id = stored.id.toString();
        // The record as stored, attempts included: usually 1; a send that failed and was retried counts more, and the
        // manager must see that count.
        assertTrue(stored.attempts >= 1);
        given().get("/notifications/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SENT"))
                .body("attempts", org.hamcrest.Matchers.equalTo(stored.attempts));
        given().post("/notifications/" + id + "/retry").then().statusCode(409)
                .body("rule", org.hamcrest.Matchers.equalTo("only-failed-messages-are-retried"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerRetriesAFailedMessageAndItIsSent() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery failed = new Delivery();
            failed.id = id;
            failed.organisation = "org-a";
            failed.eventId = UUID.randomUUID().toString();
            failed.templateKey = "consent-confirmation";
            failed.recipientKind = Delivery.RecipientKind.GUARDIAN;
            failed.recipientId = guardianId;
            failed.youngPersonId = youngPersonId;
            failed.channel = org.safesessions.notification.domain.Channel.EMAIL;
            failed.status = DeliveryStatus.DEAD_LETTERED;
            failed.statusReason = "gave up after 10 attempts: MessagingException";
            failed.attempts = 10;
            failed.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            failed.nextAttemptAt = failed.createdAt.plusYears(1);
            failed.params = "{\"scope\":\"GROUP_SESSIONS\",\"platforms\":[\"ZOOM\"],"
                    + "\"givenAt\":\"" + GIVEN + "\",\"expiresAt\":\"" + GIVEN.plusYears(1) + "\"}";
            failed.persist();
        });
        given().post("/notifications/" + id + "/retry").then().statusCode(200)
                .body("statusReason", org.hamcrest.Matchers.equalTo("retried by manager-a"))
                .body("attempts", org.hamcrest.Matchers.equalTo(0)); // a fresh round of attempts
        await("the retried message is sent", () -> QuarkusTransaction.requiringNew().call(() ->
                Delivery.<Delivery>findById(id).status) == DeliveryStatus.SENT);
        assertEquals(1, mailTo(guardianEmail).length);
    }

    @Test
    void deliveryRecordsNeedAToken() {
        given().get("/notifications").then().statusCode(401);
        given().get("/notifications/" + UUID.randomUUID()).then().statusCode(401);
        given().post("/notifications/" + UUID.randomUUID() + "/retry").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotReadDeliveryRecords() {
        given().get("/notifications").then().statusCode(403);
        given().post("/notifications/" + UUID.randomUUID() + "/retry").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotReadDeliveryRecords() {
        given().get("/notifications").then().statusCode(403);
        given().get("/notifications/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotReadDeliveryRecords() {
        given().get("/notifications").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsDeliveryRecordIs404() {
        String eventId = EventJson.readEnvelope(consentGranted()).id();
        await("the message is sent", () -> statusOf(eventId) == DeliveryStatus.SENT);
        String id = QuarkusTransaction.requiringNew().call(() ->
                Delivery.<Delivery>find("eventId", eventId).firstResult().id.toString());
        given().get("/notifications/" + id).then().statusCode(404);
        given().post("/notifications/" + id + "/retry").then().statusCode(404);
        given().get("/notifications?page=-1").then().statusCode(400);
    }
}
