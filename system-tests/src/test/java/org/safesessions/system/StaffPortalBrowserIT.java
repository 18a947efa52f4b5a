package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff portal in a real browser against the running suite, signed in through Keycloak: a coordinator registers
 * a young person, records consent and books a session; a youth worker opens it, completes the checklist, starts it
 * and raises a concern; the alert appears live in the DSL's feed. Every page of the portal visited is screenshotted
 * and checked with axe-core (WCAG 2.2 A and AA): zero violations.
 */
class StaffPortalBrowserIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final List<String> VIOLATIONS = new ArrayList<>();
    static long started;

    @BeforeAll
    static void approveZoom() {
        started = System.nanoTime();
        LocalDate today = LocalDate.now(LONDON);
        RestAssured.given().auth().oauth2(Suite.tokenOf("manager-a")).contentType(ContentType.JSON)
                .body("{\"assessedBy\":\"Online safety lead\",\"assessedOn\":\"" + today.minusDays(7)
                        + "\",\"reviewDue\":\"" + today.plusYears(1) + "\"}")
                .put(Suite.SESSION + "/policy/platforms/ZOOM").then().statusCode(200);
    }

    @AfterAll
    static void report() throws Exception {
        String report = String.join("\n", Browser.AXE_REPORT) + "\nbrowser suite: "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s\n";
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("axe-report.txt"), report);
        System.out.println(report);
    }

    static void checked(Browser browser, String page) {
        List<String> found = browser.check(page);
        found.forEach(v -> VIOLATIONS.add(page + ": " + v));
    }

    static LocalDate nextWorkingDay() {
        LocalDate day = LocalDate.now(LONDON).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void coordinatorBooksWorkerRunsTheSessionAndTheDslIsAlertedLive() {
        String name = "Robin" + (System.currentTimeMillis() % 100000);
        String title = "Art club " + name;
        String youngPersonId;
        String sessionId;

        // ---- the coordinator
        try (Browser coordinator = new Browser("coordinator")) {
            coordinator.signIn("coord-a");
            checked(coordinator, "home");
            coordinator.clickLink("Young people");
            checked(coordinator, "young-people");
            coordinator.clickLink("Register a young person");
            checked(coordinator, "register");
            coordinator.click(By.xpath("//button[normalize-space()='Register young person']"));
            coordinator.waitFor(By.className("govuk-error-summary"));
            checked(coordinator, "register-errors");

            coordinator.type(By.id("preferredName"), name);
            coordinator.type(By.id("dateOfBirth-day"), "4");
            coordinator.type(By.id("dateOfBirth-month"), "3");
            coordinator.type(By.id("dateOfBirth-year"), "2012");
            coordinator.type(By.id("localAuthorityCode"), "E09000024");
            coordinator.type(By.id("guardians-0-name"), "Pat " + name);
            coordinator.type(By.id("guardians-0-relationship"), "mother");
            coordinator.type(By.id("guardians-0-email"), "pat." + name.toLowerCase() + "@example.org");
            coordinator.click(By.xpath("//button[normalize-space()='Register young person']"));
            coordinator.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Young person registered", Duration.ofSeconds(20));
            youngPersonId = coordinator.url().replaceAll(".*/young-people/([^?]+).*", "$1");
            checked(coordinator, "young-person");

            coordinator.clickLink("Record a consent");
            checked(coordinator, "record-consent");
            coordinator.click(By.id("evidenceMethod-PAPER_FORM"));
            coordinator.type(By.id("evidenceReference"), "FORM-" + name);
            coordinator.click(By.xpath("//button[normalize-space()='Record consent']"));
            coordinator.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Consent recorded", Duration.ofSeconds(20));
            assertTrue(coordinator.pageText().contains("They have an active consent for group sessions on Zoom"), coordinator.pageText());
            checked(coordinator, "young-person-with-consent");

            // the online-safety agreement is recorded; the withdrawal page is seen, not used (they stay invitable)
            coordinator.click(By.id("agreementVersion"));
            coordinator.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Online safety agreement recorded", Duration.ofSeconds(20));
            checked(coordinator, "young-person-with-agreement");
            coordinator.click(By.cssSelector("a[href$='/withdrawal']"));
            coordinator.waitForText(By.tagName("h1"), "Withdraw consent", Duration.ofSeconds(20));
            checked(coordinator, "withdraw-consent");
            coordinator.open("/young-people/" + youngPersonId);

            // session-service books against its own projection of consent (from Kafka): wait until it has it
            String token = Suite.tokenOf("coord-a");
            Suite.await("session-service's projection has the consent", Duration.ofSeconds(30), () ->
                    RestAssured.given().auth().oauth2(token)
                            .get(Suite.SESSION + "/young-people/" + youngPersonId + "/consent-state").statusCode() == 200 ? true : null);

            coordinator.clickLink("Sessions");
            checked(coordinator, "sessions");
            coordinator.clickLink("Book a group session");
            LocalDate day = nextWorkingDay();
            coordinator.type(By.id("title"), title);
            coordinator.type(By.id("startsAt-day"), String.valueOf(day.getDayOfMonth()));
            coordinator.type(By.id("startsAt-month"), String.valueOf(day.getMonthValue()));
            coordinator.type(By.id("startsAt-year"), String.valueOf(day.getYear()));
            coordinator.type(By.id("startsAt-time"), "16:00");
            coordinator.type(By.id("durationMinutes"), "60");
            // facilitators are ticked from the organisation's staff (session-service's GET /facilitators, from
            // Keycloak); the coordinator starts ticked and is unticked, so the two workers lead it as before
            for (org.openqa.selenium.WebElement me : coordinator.driver().findElements(By.cssSelector("input[name='facilitators'][value='coord-a']"))) {
                if (me.isSelected()) {
                    coordinator.click(By.cssSelector("input[name='facilitators'][value='coord-a']"));
                }
            }
            coordinator.click(By.cssSelector("input[name='facilitators'][value='worker-a']"));
            coordinator.click(By.cssSelector("input[name='facilitators'][value='worker2-a']"));
            coordinator.click(By.xpath("//button[normalize-space()='Check consent for this time and platform']"));
            // GOV.UK checkboxes draw their own box: the input is there but transparent, so wait for presence
            new org.openqa.selenium.support.ui.WebDriverWait(coordinator.driver(), Duration.ofSeconds(30)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("invitee-" + youngPersonId)));
            checked(coordinator, "book-session");
            coordinator.click(By.id("invitee-" + youngPersonId));
            coordinator.click(By.xpath("//button[normalize-space()='Book session']"));
            coordinator.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Session booked", Duration.ofSeconds(20));
            sessionId = coordinator.url().replaceAll(".*/sessions/([^?]+).*", "$1");
            assertTrue(coordinator.pageText().contains(name), coordinator.pageText());
            checked(coordinator, "session-booked");

            // the change and cancel pages are seen, not used
            coordinator.clickLink("Change time or facilitators");
            coordinator.waitForText(By.tagName("h1"), "Change the session", Duration.ofSeconds(20));
            checked(coordinator, "reschedule");
            coordinator.open("/sessions/" + sessionId);
            coordinator.clickLink("Cancel session");
            coordinator.waitForText(By.tagName("h1"), "Are you sure you want to cancel", Duration.ofSeconds(20));
            checked(coordinator, "cancel-session");
            coordinator.clickLink("No, keep it");
            coordinator.waitForText(By.tagName("h1"), title, Duration.ofSeconds(20));

            // one-to-ones: the young person's request is recorded and its scheduling form opened (not sent)
            coordinator.clickLink("One-to-ones");
            checked(coordinator, "one-to-ones");
            new Select(coordinator.driver().findElement(By.id("youngPersonId"))).selectByValue(youngPersonId);
            coordinator.click(By.xpath("//button[normalize-space()='Record request']"));
            coordinator.waitForText(By.cssSelector(".govuk-notification-banner--success"), "One-to-one request recorded", Duration.ofSeconds(20));
            coordinator.click(By.xpath("//a[starts-with(normalize-space(), 'Schedule') and contains(., '" + name + "')]"));
            coordinator.waitForText(By.tagName("h1"), "Schedule a one-to-one", Duration.ofSeconds(20));
            checked(coordinator, "schedule-one-to-one");

            coordinator.clickLink("Sign out");
            coordinator.waitForText(By.tagName("h1"), "You have signed out", Duration.ofSeconds(20));
            checked(coordinator, "signed-out");
            coordinator.open("/");
            coordinator.waitFor(By.id("username")); // the Keycloak session ended too
        }

        // ---- the DSL watches the feed; the youth worker runs the session and raises a concern
        try (Browser dsl = new Browser("dsl"); Browser worker = new Browser("worker")) {
            dsl.signIn("dsl-a");
            dsl.clickLink("Notifications");
            dsl.waitFor(By.id("feed"));
            int before = dsl.driver().findElements(By.cssSelector("#feed-items > li")).size();

            worker.signIn("worker-a");
            assertTrue(worker.pageText().contains(title), worker.pageText());
            checked(worker, "home");
            worker.clickLink("Sessions");
            checked(worker, "my-sessions");
            worker.clickLink(title);
            checked(worker, "session");
            worker.click(By.id("checklist-briefing"));
            worker.click(By.id("checklist-devices"));
            worker.click(By.id("checklist-save"));
            worker.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Checklist saved", Duration.ofSeconds(20));
            worker.click(By.id("start"));
            worker.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Session started", Duration.ofSeconds(20));
            checked(worker, "session-started");
            worker.click(By.cssSelector("button[name='attended'][value='yes']"));
            worker.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Attendance recorded", Duration.ofSeconds(20));
            checked(worker, "attendance-recorded");

            worker.clickLink("Raise a safeguarding concern about this session");
            checked(worker, "raise-concern");
            new Select(worker.driver().findElement(By.id("youngPersonId"))).selectByValue(youngPersonId);
            worker.click(By.id("categories-CYBERBULLYING"));
            worker.click(By.id("risk-HIGH"));
            worker.type(By.id("narrative"), "A participant sent unkind messages in the chat.");
            worker.click(By.xpath("//button[normalize-space()='Raise concern']"));
            worker.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Concern raised", Duration.ofSeconds(20));
            checked(worker, "concern");
            worker.clickLink("Concerns");
            checked(worker, "my-concerns");
            worker.clickLink("Notifications");
            checked(worker, "notifications");

            // the urgent alert reaches the DSL's open feed without a reload (Kafka → notification-service → SSE → portal)
            new org.openqa.selenium.support.ui.WebDriverWait(dsl.driver(), Duration.ofSeconds(90)).until(d ->
                    d.findElements(By.cssSelector("#feed-items > li")).size() > before);
            checked(dsl, "notifications-live");

            // the worker ends the session early, for a technical reason (which raises no concern)
            worker.open("/sessions/" + sessionId);
            worker.click(By.id("reason-TECHNICAL"));
            worker.click(By.xpath("//button[normalize-space()='End session early']"));
            worker.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Session ended early", Duration.ofSeconds(20));
            checked(worker, "session-ended-early");
        }
        assertEquals(List.of(), VIOLATIONS, "WCAG 2.2 A/AA violations found by axe-core");
    }
}
