package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.safesessions.notification.domain.TemplateOverride;
import org.safesessions.notification.domain.TemplateSource;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.Events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.testkit.Eventually.await;

/** Managers list, preview and edit their organisation's templates; a broken template is refused, never saved. */
@QuarkusTest
class TemplatesTest extends NotificationFixtures {

    private static final String EDIT = """
            {"subject":"Renew consent for {youngPersonName} (org-b wording)",
             "text":"Hello {recipientName}, consent for {youngPersonName} ends {expiresOn}.\\n{#include messages/safety-reminders.txt /}",
             "html":"<p>Hello {recipientName}, consent for {youngPersonName} ends {expiresOn}.</p>"}""";

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerListsAndPreviewsTemplates() {
        given().get("/templates").then().statusCode(200)
                .body("key", hasItems("session-invitation", "concern-alert", "consent-expiring"));
        given().get("/templates/session-invitation").then().statusCode(200).body("edited", equalTo(false))
                .body("text", containsString("{joinUrl}"));
        given().contentType("application/json").body("{}").post("/templates/session-invitation/preview").then()
                .statusCode(200)
                .body("subject", containsString("Invitation: Friday group"))
                .body("text", containsString("Live is live"))
                .body("html", containsString("<li>"));
        given().contentType("application/json").body("{\"subject\":\"Hi <b>{youngPersonName}</b>\"}")
                .post("/templates/session-invitation/preview").then().statusCode(200)
                .body("subject", equalTo("Hi <b>Alex</b>"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managersPreviewOfAFamilyMessageShowsItInEnglishAndInWelsh() {
        given().contentType("application/json").body("{}").post("/templates/session-invitation/preview").then()
                .statusCode(200)
                .body("subject", startsWith("Invitation: Friday group on "))
                .body("welsh.subject", startsWith("Gwahoddiad: Friday group, dydd "))
                .body("welsh.text", containsString("Annwyl Pat Example,"))
                .body("welsh.text", containsString("Cadw'n ddiogel ar-lein"))
                .body("welsh.html", containsString("<html lang=\"cy\">"))
                .body("welsh.sms", startsWith("SafeSessions: gwahoddiad i Alex: Friday group"));
        given().contentType("application/json").body("{}").post("/templates/consent-expiring/preview").then()
                .statusCode(200)
                .body("subject", startsWith("Consent for Alex ends on "))
                .body("welsh.subject", startsWith("Caniatâd ar gyfer Alex yn dod i ben: dydd "));
        given().contentType("application/json").body("{}").post("/templates/concern-alert/preview").then()
                .statusCode(200)
                .body("subject", startsWith("URGENT safeguarding concern"))
                .body("welsh", nullValue());
        given().contentType("application/json").body("{\"subject\":\"Hi <b>{youngPersonName}</b>\"}")
                .post("/templates/session-invitation/preview").then().statusCode(200)
                .body("subject", equalTo("Hi <b>Alex</b>"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void brokenTemplateIsRefusedWithItsErrorAndNeverSaved() {
        given().contentType("application/json").body("""
                {"subject":"ok","text":"Hello {#if recipientName}unclosed","html":"<p>x</p>"}""")
                .put("/templates/consent-withdrawn").then().statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("template-must-render"));
        given().contentType("application/json").body("""
                {"subject":"ok","text":"Hello {recipient.nam.e}","html":"<p>x</p>"}""")
                .put("/templates/consent-withdrawn").then().statusCode(422).body("rule", equalTo("template-must-render"));
        given().contentType("application/json").body("{\"text\":\"{#for}\"}")
                .post("/templates/consent-withdrawn/preview").then().statusCode(422);
        given().get("/templates/consent-withdrawn").then().statusCode(200).body("edited", equalTo(false));
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void editedTemplateIsUsedForThatOrganisationOnly() {
        given().contentType("application/json").body(EDIT).put("/templates/consent-expiring").then().statusCode(200)
                .body("edited", equalTo(true)).body("updatedBy", equalTo("manager-b"));
        Guardian guardian = Guardian.byEmail("Uma Guardian");
        UUID youngPerson = family("org-b", "Tam", LocalDate.now().minusYears(9), null, guardian);
        UUID consentId = UUID.randomUUID();
        Events.publish("/consent-service", consentId, new ConsentExpiringV1(consentId, youngPerson, "org-b",
                ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(clock).plusDays(20)));
        await("the guardian gets the edited wording", () -> mailTo(guardian.email()).length == 1);
        assertEquals("Renew consent for Tam (org-b wording)", subject(mailTo(guardian.email())[0]));
        assertTrue(body(mailTo(guardian.email())[0]).contains("Hello Uma Guardian"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "Manager-A"),
            @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void managerResetsAnEditedTemplateToItsBuiltInTextInBothLanguages() {
        given().contentType("application/json").body("""
                {"subject":"Moved: {startsOn}","text":"Moved to {startsOn} at {startsTime}.","html":"<p>Moved to {startsOn}.</p>"}""")
                .put("/templates/session-changed").then().statusCode(200).body("edited", equalTo(true));
        given().get("/templates").then().statusCode(200)
                .body("find { it.key == 'session-changed' }.edited", equalTo(true))
                .body("find { it.key == 'session-changed' }.updatedBy", equalTo("manager-a"))
                .body("find { it.key == 'session-changed' }.updatedById", equalTo(DemoStaff.MANAGER_A))
                .body("find { it.key == 'session-changed' }.updatedAt", notNullValue())
                .body("find { it.key == 'session-cancelled' }.edited", equalTo(false))
                .body("find { it.key == 'session-cancelled' }.updatedBy", nullValue());
        given().contentType("application/json").body("{}").post("/templates/session-changed/preview").then()
                .statusCode(200).body("welsh.subject", startsWith("Moved: dydd "));

        given().post("/templates/session-changed/reset").then().statusCode(200)
                .body("edited", equalTo(false)).body("updatedBy", nullValue()).body("updatedById", nullValue())
                .body("updatedAt", nullValue()).body("subject", containsString("{msg:"));
        given().get("/templates").then().statusCode(200)
                .body("find { it.key == 'session-changed' }.edited", equalTo(false));
        given().contentType("application/json").body("{}").post("/templates/session-changed/preview").then()
                .statusCode(200)
                .body("subject", startsWith("Session moved to "))
                .body("welsh.subject", startsWith("Sesiwn wedi'i symud: dydd "));
        given().post("/templates/session-changed/reset").then().statusCode(200).body("edited", equalTo(false));
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsEditIsNeitherSeenNorReset() {
        QuarkusTransaction.requiringNew().run(() -> {
            TemplateOverride.deleteById(new TemplateOverride.Key("org-a", "session-reminder-1h"));
            TemplateOverride edit = TemplateOverride.create("org-a", "session-reminder-1h");
            edit.change(new TemplateSource("org-a's own", "org-a text", "<p>org-a</p>"), "manager-a",
                    DemoStaff.MANAGER_A, OffsetDateTime.now(clock));
            edit.persist();
        });
        given().get("/templates").then().statusCode(200)
                .body("find { it.key == 'session-reminder-1h' }.edited", equalTo(false))
                .body("find { it.key == 'session-reminder-1h' }.updatedBy", nullValue());
        given().get("/templates/session-reminder-1h").then().statusCode(200)
                .body("subject", not(containsString("org-a")));
        given().post("/templates/session-reminder-1h/reset").then().statusCode(200).body("edited", equalTo(false));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> TemplateOverride
                .findByIdOptional(new TemplateOverride.Key("org-a", "session-reminder-1h")).isPresent()),
                "org-a's edit stays");
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void unknownTemplateIs404AndBadEditsAre400() {
        given().get("/templates/no-such-template").then().statusCode(404);
        given().contentType("application/json").body(EDIT).put("/templates/no-such-template").then().statusCode(404);
        given().contentType("application/json").body("{}").post("/templates/no-such-template/preview").then().statusCode(404);
        given().post("/templates/no-such-template/reset").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().contentType("application/json").body("{\"subject\":\"\",\"text\":\"x\",\"html\":\"x\"}")
                .put("/templates/consent-expiring").then().statusCode(400).body(containsString("subject"));
        given().contentType("application/json").body("{oops").put("/templates/consent-expiring").then().statusCode(400);
    }

    @Test
    void templatesNeedAToken() {
        given().get("/templates").then().statusCode(401);
        given().contentType("application/json").body(EDIT).put("/templates/consent-expiring").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/templates/consent-expiring/preview").then().statusCode(401);
        given().post("/templates/consent-expiring/reset").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotTouchTemplates() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void dslCannotTouchTemplates() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotTouchTemplates() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotTouchTemplates() {
        forbidden();
    }

    private static void forbidden() {
        given().get("/templates").then().statusCode(403);
        given().get("/templates/consent-expiring").then().statusCode(403);
        given().contentType("application/json").body(EDIT).put("/templates/consent-expiring").then().statusCode(403);
        given().contentType("application/json").body("{}").post("/templates/consent-expiring/preview").then().statusCode(403);
        given().post("/templates/consent-expiring/reset").then().statusCode(403);
    }
}
