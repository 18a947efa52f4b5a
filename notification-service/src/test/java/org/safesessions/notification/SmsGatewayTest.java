package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.notification.client.SmsReceiptSignature;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.testkit.Events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMS for real: the {@code http} provider against a gateway over HTTP (WireMock): the request it sends, retries on the
 * gateway's 5xx and on timeouts (same reference, so the gateway can drop a repeat), a refused number FAILED with the
 * reason and not retried, and the gateway's signed delivery receipts turning the record DELIVERED or FAILED.
 */
@QuarkusTest
class SmsGatewayTest extends NotificationFixtures {

    @AfterEach
    void theGatewayAcceptsEverythingAgain() {
        SmsGatewayStub.server.resetMappings();
        SmsGatewayStub.acceptEverything();
    }

    /** A consent withdrawal told to a guardian who prefers SMS; returns the event. */
    private String withdrawalTextedTo(Guardian guardian) {
        UUID youngPerson = family("org-a", "Kit", LocalDate.now().minusYears(9), null, guardian);
        UUID consentId = UUID.randomUUID();
        return Events.publish("/consent-service", consentId, new ConsentWithdrawnV1(consentId, youngPerson, "org-a",
                ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(clock)));
    }

    private static Delivery text(String event) {
        await("the text is queued", () -> deliveriesOf(event).stream().anyMatch(d -> d.channel == Channel.SMS));
        return deliveriesOf(event).stream().filter(d -> d.channel == Channel.SMS).findFirst().orElseThrow();
    }

    private static void gatewayAnswersFor(String phone, int firstStatus, int firstDelayMs) {
        String scenario = "number " + phone;
        SmsGatewayStub.server.stubFor(post(urlPathEqualTo(SmsGatewayStub.PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(firstStatus).withFixedDelay(firstDelayMs)
                        .withHeader("Content-Type", "application/json").withBody("{\"status\":\"busy\"}")));
        SmsGatewayStub.server.stubFor(post(urlPathEqualTo(SmsGatewayStub.PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"accepted\"}")));
    }

    @Test
    void aTextGoesToTheGatewayAsJsonWithTheBearerKeyAndItsReference() {
        Guardian guardian = Guardian.bySms("Sol Guardian");
        String event = withdrawalTextedTo(guardian);
        await("the gateway has it", () -> smsTo(guardian.phone()).size() == 1);
        Delivery text = text(event);
        await("recorded sent", () -> delivery(text.id).status == DeliveryStatus.SENT);
        SmsGatewayStub.Text received = SmsGatewayStub.received().stream().filter(t -> t.to().equals(guardian.phone()))
                .findFirst().orElseThrow();
        assertEquals("Bearer " + SmsGatewayStub.API_KEY, received.authorization());
        assertTrue(received.contentType().startsWith("application/json"), received.contentType());
        assertEquals(text.id.toString(), received.reference(), "the reference is the delivery id");
        assertTrue(received.text().contains("was withdrawn"), received.text());
    }

    @Test
    void aGatewayErrorIsRetriedUntilTheGatewayTakesIt() {
        Guardian guardian = Guardian.bySms("Ash Guardian");
        gatewayAnswersFor(guardian.phone(), 503, 0);
        Delivery text = text(withdrawalTextedTo(guardian));
        await("sent on the retry", () -> delivery(text.id).status == DeliveryStatus.SENT);
        assertEquals(2, delivery(text.id).attempts);
        List<String> references = smsTo(guardian.phone()).stream().map(s -> s.reference()).toList();
        assertEquals(List.of(text.id.toString(), text.id.toString()), references, "the same reference both times");
    }

    @Test
    void aGatewayTooSlowToAnswerIsRetriedWithTheSameReference() {
        Guardian guardian = Guardian.bySms("Bo Guardian");
        gatewayAnswersFor(guardian.phone(), 202, 3_000); // past the 1 s timeout the tests set
        Delivery text = text(withdrawalTextedTo(guardian));
        await("sent on the retry", () -> delivery(text.id).status == DeliveryStatus.SENT);
        assertEquals(2, delivery(text.id).attempts);
        assertTrue(smsTo(guardian.phone()).stream().allMatch(s -> s.reference().equals(text.id.toString())),
                "a repeat the gateway can recognise and drop");
    }

    @Test
    void aNumberTheGatewayRefusesIsFailedWithItsReasonAndNotRetried() throws Exception {
        Guardian guardian = Guardian.bySms("Cy Guardian");
        SmsGatewayStub.server.stubFor(post(urlPathEqualTo(SmsGatewayStub.PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(guardian.phone())))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"INVALID_NUMBER\",\"message\":\"" + guardian.phone() + " is not a mobile\"}")));
        Delivery text = text(withdrawalTextedTo(guardian));
        await("failed", () -> delivery(text.id).status == DeliveryStatus.FAILED);
        Delivery failed = delivery(text.id);
        assertEquals("refused by the SMS gateway: HTTP 400 INVALID_NUMBER", failed.statusReason);
        assertNull(failed.nextAttemptAt, "no retry is scheduled");
        Thread.sleep(3_000); // several dispatcher passes and more than the first retry delay
        assertEquals(1, smsTo(guardian.phone()).size(), "not retried");
        assertEquals(1, delivery(text.id).attempts);
    }

    private static io.restassured.response.ValidatableResponse receipt(String body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header(SmsReceiptSignature.HEADER, signature);
        }
        return request.post("/sms/receipts").then();
    }

    private static io.restassured.response.ValidatableResponse signedReceipt(String body) {
        return receipt(body, SmsReceiptSignature.sign(SmsGatewayStub.RECEIPT_SECRET, body));
    }

    private Delivery sentText(String name) {
        Guardian guardian = Guardian.bySms(name);
        Delivery text = text(withdrawalTextedTo(guardian));
        await("sent", () -> delivery(text.id).status == DeliveryStatus.SENT);
        return text;
    }

    @Test
    void aDeliveryReceiptMarksTheTextDelivered() {
        Delivery text = sentText("Dee Guardian");
        String body = "{\"reference\":\"" + text.id + "\",\"status\":\"DELIVERED\"}";
        signedReceipt(body).statusCode(200).contentType(startsWith("application/json"))
                .body("status", org.hamcrest.Matchers.equalTo("DELIVERED"));
        assertEquals(DeliveryStatus.DELIVERED, delivery(text.id).status);
        signedReceipt(body).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("DELIVERED"));
        signedReceipt("{\"reference\":\"" + text.id + "\",\"status\":\"FAILED\",\"reason\":\"LATE\"}").statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DELIVERED"));
        assertEquals(DeliveryStatus.DELIVERED, delivery(text.id).status, "a settled text stays as it is");
    }

    @Test
    void anUndeliveredReceiptMarksTheTextFailedWithTheGatewaysReason() {
        Delivery text = sentText("Em Guardian");
        signedReceipt("{\"reference\":\"" + text.id + "\",\"status\":\"FAILED\",\"reason\":\"ABSENT_SUBSCRIBER\"}")
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("FAILED"));
        Delivery failed = delivery(text.id);
        assertEquals(DeliveryStatus.FAILED, failed.status);
        assertEquals("undelivered (SMS gateway: ABSENT_SUBSCRIBER)", failed.statusReason);
        assertNull(failed.nextAttemptAt, "the gateway has tried: not retried automatically");
        signedReceipt("{\"reference\":\"" + sentText("Fi Guardian").id + "\",\"status\":\"FAILED\",\"reason\":\"the phone +44 7700 900 is off\"}")
                .statusCode(200);
    }

    @Test
    void anUnsignedOrBadlySignedReceiptIs401() {
        Delivery text = sentText("Gil Guardian");
        String body = "{\"reference\":\"" + text.id + "\",\"status\":\"DELIVERED\"}";
        receipt(body, null).statusCode(401).contentType(startsWith("application/problem+json"));
        receipt(body, "sha256=00").statusCode(401);
        receipt(body, SmsReceiptSignature.sign("another-secret", body)).statusCode(401);
        receipt(body.replace("DELIVERED", "FAILED"), SmsReceiptSignature.sign(SmsGatewayStub.RECEIPT_SECRET, body))
                .statusCode(401);
        assertEquals(DeliveryStatus.SENT, delivery(text.id).status, "nothing changed");
    }

    @Test
    void aReceiptForNoTextOfOursIs404() {
        signedReceipt("{\"reference\":\"" + UUID.randomUUID() + "\",\"status\":\"DELIVERED\"}").statusCode(404)
                .contentType(startsWith("application/problem+json"));
        Guardian byEmail = Guardian.byEmail("Hu Guardian");
        String event = withdrawalTextedTo(byEmail);
        await("the email is sent", () -> deliveriesOf(event).stream().anyMatch(d -> d.channel == Channel.EMAIL
                && d.status == DeliveryStatus.SENT));
        UUID email = deliveriesOf(event).stream().filter(d -> d.channel == Channel.EMAIL).findFirst().orElseThrow().id;
        signedReceipt("{\"reference\":\"" + email + "\",\"status\":\"DELIVERED\"}").statusCode(404);
    }

    @Test
    void aMalformedReceiptIs400NamingTheField() {
        signedReceipt("not json").statusCode(400).contentType(startsWith("application/problem+json"));
        signedReceipt("{\"reference\":\"nope\",\"status\":\"DELIVERED\"}").statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("reference"));
        signedReceipt("{\"reference\":\"" + UUID.randomUUID() + "\",\"status\":\"READ\"}").statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("status"));
    }
}
