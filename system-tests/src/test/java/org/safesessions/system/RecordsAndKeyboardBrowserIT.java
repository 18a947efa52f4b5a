package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records pages and the keyboard in a real browser against the running suite, signed in through Keycloak: a DSL
 * records a subject access request (its error summary first), checks the requester's identity, and reads the access
 * logs of consent-, session- and notification-service by record; a manager sees the charts from the services'
 * statistics; a coordinator pressing Enter in the booking form's title does not search, and Enter in the search box
 * searches with focus kept; the DSL's dashboard redraw keeps keyboard focus on the clock link. axe-core (WCAG 2.2 A
 * and AA) on every page visited: zero violations; screenshots in target/portal-screenshots.
 */
class RecordsAndKeyboardBrowserIT {

    static final List<String> VIOLATIONS = new ArrayList<>();
    static final int FIRST_REPORT_LINE = Browser.AXE_REPORT.size();
    static String youngPersonId;
    static String name;

    @BeforeAll
    static void aYoungPersonOfOrgAWithAnImmediateDanger() {
        name = "Sky" + (System.currentTimeMillis() % 100000);
        youngPersonId = RestAssured.given().auth().oauth2(Suite.tokenOf("coord-a")).contentType(ContentType.JSON)
                .body("""
                        {"preferredName":"%s","dateOfBirth":"2011-05-06","localAuthorityCode":"E09000024",
                         "guardians":[{"name":"Jo %s","relationship":"mother","email":"jo.%s@example.org","preferredChannel":"EMAIL"}]}"""
                        .formatted(name, name, name.toLowerCase()))
                .post(Suite.CONSENT + "/young-people").then().statusCode(201).extract().path("id");
        RestAssured.given().auth().oauth2(Suite.tokenOf("worker-a")).contentType(ContentType.JSON)
                .body("""
                        {"subjectType":"YOUNG_PERSON","youngPersonId":"%s","categories":["SELF_HARM"],"risk":"IMMEDIATE_DANGER",
                         "narrative":"Said in the chat they were not safe at home."}""".formatted(youngPersonId))
                .post(Suite.SAFEGUARDING + "/concerns").then().statusCode(201);
    }

    @AfterAll
    static void report() throws Exception {
        List<String> lines = Browser.AXE_REPORT.subList(Math.min(FIRST_REPORT_LINE, Browser.AXE_REPORT.size()), Browser.AXE_REPORT.size());
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("axe-report-records.txt"), String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    static void checked(Browser browser, String page) {
        browser.check(page).forEach(v -> VIOLATIONS.add(page + ": " + v));
    }

    static String focused(Browser browser) {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    @Test
    void aDslTracksASubjectAccessRequestAndReadsTheAccessLogs() {
        try (Browser dsl = new Browser("dsl-records")) {
            dsl.signIn("dsl-a");
            dsl.clickLink("Subject access");
            dsl.waitForText(By.tagName("h1"), "Subject access requests", Duration.ofSeconds(20));
            checked(dsl, "subject-access-requests");
            dsl.clickLink("Record a subject access request");
            dsl.type(By.id("name"), name);
            dsl.click(By.xpath("//button[normalize-space()='Search']"));
            dsl.waitFor(By.id("found"));
            checked(dsl, "subject-access-choose");
            dsl.click(By.cssSelector("a[href='/subject-access-requests/new?youngPersonId=" + youngPersonId + "']"));
            dsl.waitFor(By.id("requesterName"));
            dsl.click(By.xpath("//button[normalize-space()='Record the request']"));
            dsl.waitFor(By.className("govuk-error-summary"));
            checked(dsl, "subject-access-record-errors");
            dsl.type(By.id("requesterName"), "Jo " + name);
            dsl.type(By.id("relationship"), "mother");
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
            dsl.type(By.id("receivedOn-day"), String.valueOf(today.getDayOfMonth()));
            dsl.type(By.id("receivedOn-month"), String.valueOf(today.getMonthValue()));
            dsl.type(By.id("receivedOn-year"), String.valueOf(today.getYear()));
            dsl.click(By.xpath("//button[normalize-space()='Record the request']"));
            dsl.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Subject access request recorded", Duration.ofSeconds(20));
            String requestId = dsl.url().replaceAll(".*/subject-access-requests/([^?]+).*", "$1");
            checked(dsl, "subject-access-request");
            dsl.click(By.xpath("//button[normalize-space()=\"The requester's identity has been checked\"]"));
            dsl.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Status changed", Duration.ofSeconds(20));
            assertTrue(dsl.pageText().contains("Produce and download the export"), dsl.pageText());
            checked(dsl, "subject-access-identity-checked");

            // the access logs: consent-service's by the request, session- and notification-service's by the young person
            dsl.clickLink("Access log");
            // GOV.UK radios draw their own circle: the input is there but transparent, so wait for presence
            new org.openqa.selenium.support.ui.WebDriverWait(dsl.driver(), Duration.ofSeconds(30)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("service-consent")));
            checked(dsl, "access-log");
            dsl.type(By.id("recordId"), requestId);
            dsl.click(By.xpath("//button[normalize-space()='Show entries']"));
            dsl.waitFor(By.id("access-log"));
            assertTrue(dsl.pageText().contains("Subject access request"), dsl.pageText());
            checked(dsl, "access-log-consent");
            for (String service : List.of("session", "notification")) {
                dsl.open("/access-log?service=" + service + "&recordId=" + youngPersonId);
                dsl.waitFor(By.id("entries"));
                assertFalse(dsl.pageText().contains("cannot be shown right now"), dsl.pageText());
                checked(dsl, "access-log-" + service);
            }
        }
        assertEquals(List.of(), VIOLATIONS, "WCAG 2.2 A/AA violations found by axe-core");
    }

    @Test
    void aManagerSeesTheChartsFromTheServicesStatistics() {
        try (Browser manager = new Browser("manager-charts")) {
            manager.signIn("manager-a");
            manager.open("/reports/charts");
            manager.waitFor(By.id("risk-chart"));
            manager.waitFor(By.id("acknowledgement-figures"));
            manager.waitFor(By.id("council-figures"));
            checked(manager, "charts-statistics");
        }
        assertEquals(List.of(), VIOLATIONS, "WCAG 2.2 A/AA violations found by axe-core");
    }

    @Test
    void enterInTheBookingFormBooksAndEnterInTheSearchSearches() {
        try (Browser coordinator = new Browser("coordinator-keyboard")) {
            coordinator.signIn("coord-a");
            coordinator.open("/sessions/new");
            coordinator.waitFor(By.id("inviteeName"));
            // Enter in the search box: the list follows (htmx), focus stays in the box
            coordinator.driver().findElement(By.id("inviteeName")).sendKeys(name, Keys.ENTER);
            coordinator.waitForText(By.id("invitees"), "found for \"" + name + "\"", Duration.ofSeconds(20));
            assertEquals("inviteeName", focused(coordinator));
            assertTrue(coordinator.url().endsWith("/sessions/new"), coordinator.url());
            // Enter in the title: the form is sent to book (no start time yet, so the portal says so), not searched
            coordinator.driver().findElement(By.id("title")).sendKeys("Keyboard club", Keys.ENTER);
            coordinator.waitFor(By.className("govuk-error-summary"));
            assertTrue(coordinator.pageText().contains("Start time must be a time"), coordinator.pageText());
            assertFalse(coordinator.url().contains("inviteePage"), coordinator.url());
            checked(coordinator, "book-session-enter");
        }
        assertEquals(List.of(), VIOLATIONS, "WCAG 2.2 A/AA violations found by axe-core");
    }

    @Test
    void theDashboardRedrawKeepsKeyboardFocus() throws InterruptedException {
        try (Browser dsl = new Browser("dsl-keyboard")) {
            dsl.signIn("dsl-a");
            dsl.clickLink("Concerns");
            WebElement link = dsl.waitFor(By.cssSelector("#clocks a.govuk-link[id^='clock-']"));
            String id = link.getAttribute("id");
            ((org.openqa.selenium.JavascriptExecutor) dsl.driver()).executeScript("arguments[0].focus()", link);
            assertEquals(id, focused(dsl));
            // htmx redraws the clocks every 15 s: wait for a redraw (the old link is gone), focus is on the new one
            new org.openqa.selenium.support.ui.WebDriverWait(dsl.driver(), Duration.ofSeconds(40))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(link));
            Thread.sleep(500); // htmx restores focus as the swap settles
            assertEquals(id, focused(dsl));
            checked(dsl, "dashboard-after-redraw");
        }
        assertEquals(List.of(), VIOLATIONS, "WCAG 2.2 A/AA violations found by axe-core");
    }
}
