package org.safesessions.notification;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.safesessions.events.EventJson;
import org.safesessions.notification.client.RecordingSmsProvider;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.notification.domain.StaffRole;
import org.safesessions.testkit.KeycloakResource;
import org.safesessions.testkit.SmtpResource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** What the notification tests share: families and join links on the stubs, staff in the directory, the mailbox. */
public abstract class NotificationFixtures extends NotificationTestStack {

    @Inject
    protected TestClock clock;

    /**
     * Waits as the kit does (30 s). The 30 s SMTP stalls these tests once waited out were the mail client losing the
     * server's greeting on a new connection; {@code SmtpMailer} starts the client where that cannot happen.
     */
    protected static void await(String what, java.util.function.BooleanSupplier condition) {
        org.safesessions.testkit.Eventually.await(what, condition);
    }

    @AfterEach
    void backToTheDefaultMoment() {
        clock.reset();
    }

    /** The next guardian's phone number (below the 900xxx numbers tests give staff). */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PHONE = new java.util.concurrent.atomic.AtomicInteger(100_000);

    /** A guardian as consent-service gives them; {@code language} null: consent-service gave none (older answer). */
    protected record Guardian(UUID id, String name, String email, String phone, String preferredChannel,
                              String language) {
        static Guardian byEmail(String name) {
            UUID id = UUID.randomUUID();
            return new Guardian(id, name, "guardian-" + id + "@example.org", null, "EMAIL", null);
        }

        /** Each with a number of their own: the tests tell texts apart by number, and the fixed ones are 900xxx. */
        static Guardian bySms(String name) {
            UUID id = UUID.randomUUID();
            return new Guardian(id, name, null, "+44 7700 " + NEXT_PHONE.getAndIncrement(), "SMS", null);
        }

        /** The same guardian, reading their messages in {@code code} ({@code en}, {@code cy}). */
        Guardian inLanguage(String code) {
            return new Guardian(id, name, email, phone, preferredChannel, code);
        }
    }

    /** A young person on consent-service's stub, with their guardians, date of birth and own email (or null). */
    protected static UUID family(String organisation, String preferredName, LocalDate dateOfBirth, String email,
                                 Guardian... guardians) {
        return family(organisation, preferredName, dateOfBirth, email, null, guardians);
    }

    /** As above, the young person's own messages in {@code language} ({@code en}, {@code cy}, or null: not given). */
    protected static UUID family(String organisation, String preferredName, LocalDate dateOfBirth, String email,
                                 String language, Guardian... guardians) {
        UUID youngPersonId = UUID.randomUUID();
        String guardiansJson = String.join(",", Arrays.stream(guardians).map(g -> """
                {"id":"%s","name":"%s","relationship":"parent","email":%s,"phone":%s,"preferredChannel":"%s",
                 "preferredLanguage":%s,"extra":1}"""
                .formatted(g.id(), g.name(), json(g.email()), json(g.phone()), g.preferredChannel(), json(g.language())))
                .toList());
        ConsentServiceStub.server.stubFor(get(urlPathEqualTo("/young-people/" + youngPersonId + "/contacts"))
                .withQueryParam("organisation", equalTo(organisation))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"youngPersonId":"%s","organisation":"%s","preferredName":"%s","guardians":[%s],
                         "dateOfBirth":%s,"email":%s,"preferredLanguage":%s,"somethingNew":true}""".formatted(youngPersonId,
                        organisation, preferredName, guardiansJson, json(dateOfBirth == null ? null : dateOfBirth.toString()),
                        json(email), json(language)))));
        return youngPersonId;
    }

    /** session-service's join details for one invitee. */
    protected static void joinDetails(String organisation, UUID sessionId, UUID youngPersonId, String title,
                                      OffsetDateTime startsAt, String joinUrl, String passcode) {
        ConsentServiceStub.server.stubFor(get(urlPathEqualTo("/sessions/" + sessionId + "/invitations/" + youngPersonId + "/join-details"))
                .withQueryParam("organisation", equalTo(organisation))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"sessionId":"%s","youngPersonId":"%s","title":"%s","platform":"ZOOM","startsAt":"%s",
                         "endsAt":"%s","joinUrl":%s,"passcode":%s}""".formatted(sessionId, youngPersonId, title, startsAt,
                        startsAt.plusHours(1), json(joinUrl), json(passcode)))));
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @AfterEach
    void backToTheRealmsUsers() {
        KeycloakResource.comeBack();
        KeycloakResource.reset();
    }

    /**
     * A member of staff in Keycloak (the stand-in), with a phone kept by this service when given; returns their user
     * name (unique per test run).
     */
    protected static String staff(String organisation, String prefix, String phone, StaffRole... roles) {
        String userName = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String id = KeycloakResource.addUser(organisation, userName,
                Arrays.stream(roles).map(StaffRole::realmRole).toArray(String[]::new));
        if (phone != null) {
            QuarkusTransaction.requiringNew().run(() -> {
                StaffContact c = new StaffContact();
                c.organisation = organisation;
                c.userId = id;
                c.phone = phone;
                c.updatedBy = "test";
                c.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                c.persist();
            });
        }
        return userName;
    }

    /** The email Keycloak holds for a member of staff. */
    protected static String emailOf(String userName) {
        return KeycloakResource.user(userName).email();
    }

    protected static String idOf(String userName) {
        return KeycloakResource.idOf(userName);
    }

    protected static MimeMessage[] mailTo(String address) {
        return Arrays.stream(SmtpResource.received()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    protected static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail);
    }

    protected static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The texts the SMS gateway received for a number, oldest first. */
    protected List<RecordingSmsProvider.Sms> smsTo(String phone) {
        return SmsGatewayStub.received().stream().filter(t -> t.to().equals(phone))
                .map(t -> new RecordingSmsProvider.Sms(t.to(), t.text(), t.reference())).toList();
    }

    protected static List<Delivery> deliveriesOf(String eventRecord) {
        String eventId = EventJson.readEnvelope(eventRecord).id();
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("eventId", eventId));
    }

    protected static Delivery delivery(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id));
    }

    protected static boolean allSettled(String eventRecord) {
        List<Delivery> all = deliveriesOf(eventRecord);
        return !all.isEmpty() && all.stream().allMatch(d -> d.status == DeliveryStatus.SENT
                || d.status == DeliveryStatus.DELIVERED || d.status == DeliveryStatus.SUPPRESSED
                || d.status == DeliveryStatus.DEAD_LETTERED || (d.status == DeliveryStatus.FAILED && d.nextAttemptAt == null));
    }
}
