package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safeguarding and manager journeys in a real browser against the running suite, signed in through Keycloak: a
 * youth worker raises an immediate danger; the DSL's dashboard shows it live (htmx polling) with its countdown; the
 * DSL acknowledges, adds to the chronology, records a decision to break confidentiality (the lawful basis escalation
 * needs) and refers it to council E09000024, and the chain verifies intact; a manager walks the manager's pages,
 * edits a template and sees the preview change as they type (nothing saved); a manager cannot open an allegation
 * against a member of staff; another organisation's DSL sees none of it. axe-core (WCAG 2.2 A and AA) on every page
 * visited: zero violations; screenshots in target/portal-screenshots.
 */
class SafeguardingBrowserIT {

    static final List<String> VIOLATIONS = new ArrayList<>();
    static final int FIRST_REPORT_LINE = Browser.AXE_REPORT.size();
    static String youngPersonId;
    static String name;

    @BeforeAll
    static void aYoungPersonOfOrgA() {
        name = "Quinn" + (System.currentTimeMillis() % 100000);
        youngPersonId = RestAssured.given().auth().oauth2(Suite.tokenOf("coord-a")).contentType(ContentType.JSON)
                .body("""
                        {"preferredName":"%s","dateOfBirth":"2011-05-06","localAuthorityCode":"E09000024",
                         "guardians":[{"name":"Ash %s","relationship":"father","email":"ash.%s@example.org","preferredChannel":"EMAIL"}]}"""
                        .formatted(name, name, name.toLowerCase()))
                .post(Suite.CONSENT + "/young-people").then().statusCode(201).extract().path("id");
    }

    @AfterAll
    static void report() throws Exception {
        List<String> lines = Browser.AXE_REPORT.subList(Math.min(FIRST_REPORT_LINE, Browser.AXE_REPORT.size()), Browser.AXE_REPORT.size());
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("axe-report-safeguarding.txt"), String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    static void checked(Browser browser, String page) {
        browser.check(page).forEach(v -> VIOLATIONS.add(page + ": " + v));
    }

    static void banner(Browser browser, String text) {
        browser.waitForText(By.cssSelector(".govuk-notification-banner--success"), text, Duration.ofSeconds(20));
    }

    @Test
    void anImmediateDangerIsSeenLiveAcknowledgedRecordedAndReferredAndOnlyTheRightPeopleSeeIt() {
        String concernId;
        String reference;
        try (Browser dsl = new Browser("dsl"); Browser worker = new Browser("worker")) {
            // ---- the DSL has the dashboard open
            dsl.signIn("dsl-a");
            dsl.clickLink("Concerns");
            dsl.waitFor(By.id("clocks"));
            checked(dsl, "dashboard");

            // ---- a youth worker raises an immediate danger
            worker.signIn("worker-a");
            worker.clickLink("Concerns");
            worker.clickLink("Raise a safeguarding concern");
            checked(worker, "raise-concern-alone");
            new Select(worker.driver().findElement(By.id("youngPersonId"))).selectByValue(youngPersonId);
            worker.click(By.id("categories-SELF_HARM"));
            worker.click(By.id("risk-IMMEDIATE_DANGER"));
            worker.type(By.id("narrative"), "Said in the session they have a plan to hurt themselves tonight.");
            worker.click(By.xpath("//button[normalize-space()='Raise concern']"));
            banner(worker, "Concern raised");
            concernId = worker.url().replaceAll(".*/concerns/([^?]+).*", "$1");
            checked(worker, "immediate-danger-raised");

            // ---- it appears on the DSL's open dashboard without a reload, with its countdown
            By row = By.cssSelector("#clocks a[href='/concerns/" + concernId + "']");
            new WebDriverWait(dsl.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(row));
            String countdown = dsl.driver().findElement(By.xpath("//div[@id='clocks']//tr[.//a[@href='/concerns/" + concernId
                    + "']]//*[@data-countdown]")).getText();
            assertTrue(countdown.matches("(?i).*(due in|minute|overdue).*"), countdown);
            checked(dsl, "dashboard-live");

            // ---- the DSL acknowledges, adds to the chronology, starts the review
            dsl.open("/concerns/" + concernId); // the link polled into #clocks may be swapped at any moment
            dsl.waitFor(By.id("acknowledge"));
            checked(dsl, "concern-record");
            reference = dsl.heading().split("\\s+")[0]; // "SG-2026-000123 Immediate danger Raised"
            dsl.click(By.id("acknowledge"));
            banner(dsl, "Concern acknowledged");
            dsl.click(By.id("entry-kind-NOTE"));
            dsl.type(By.id("entry-text"), "Spoke to the young person's mother by phone; she is with them now.");
            dsl.click(By.id("entry-add"));
            banner(dsl, "Entry added to the chronology");
            dsl.click(By.id("review"));
            banner(dsl, "Review started");
            checked(dsl, "concern-under-review");

            // ---- escalation needs a lawful basis: a decision to break confidentiality, recorded first
            dsl.click(By.id("entry-kind-CONFIDENTIALITY_DECISION"));
            dsl.click(By.id("entry-decision-BREAK_CONFIDENTIALITY"));
            dsl.type(By.id("entry-justification"), "Risk of serious harm tonight: the council must know.");
            dsl.type(By.id("entry-informed"), "the young person\nMum, by phone");
            dsl.click(By.id("entry-add"));
            banner(dsl, "Entry added to the chronology");
            dsl.click(By.cssSelector("#escalate summary")); // the referral form is folded away until asked for
            dsl.type(By.id("escalation-council"), "e09000024");
            dsl.click(By.id("escalation-method-PHONE"));
            dsl.type(By.id("escalation-reference"), "MASH-" + name);
            dsl.click(By.id("escalation-send"));
            banner(dsl, "Concern escalated to the council");
            String record = dsl.pageText();
            assertTrue(record.contains("Intact:"), record);
            assertTrue(record.contains("E09000024"), record);
            assertTrue(record.contains("Risk of serious harm tonight"), record);
            checked(dsl, "concern-escalated");

            dsl.clickLink("See who has read it");
            dsl.waitForText(By.tagName("h1"), "Who has read this concern", Duration.ofSeconds(20));
            checked(dsl, "access-log");
            dsl.open("/concerns/overdue");
            checked(dsl, "overdue");
        }

        // ---- an allegation against a member of staff, raised as a youth worker would
        String allegationId = RestAssured.given().auth().oauth2(Suite.tokenOf("worker-a")).contentType(ContentType.JSON)
                .body("""
                        {"subjectType":"STAFF_MEMBER","staffUserName":"worker2-a","categories":["OTHER"],"risk":"MEDIUM",
                         "narrative":"A message to a young person outside the session."}""")
                .post(Suite.SAFEGUARDING + "/concerns").then().statusCode(201).extract().path("id");

        // ---- a manager: the manager's pages, a template edited with its preview, no staff allegation
        try (Browser manager = new Browser("manager")) {
            manager.signIn("manager-a");
            manager.clickLink("Manage");
            checked(manager, "manage");
            manager.clickLink("Session policy and approved platforms");
            checked(manager, "policy");
            manager.clickLink("Change the session policy");
            checked(manager, "policy-edit");
            manager.open("/policy/platforms/ZOOM");
            checked(manager, "platform-assessment");
            manager.open("/staff");
            checked(manager, "staff");
            manager.open("/staff/worker-a");
            checked(manager, "staff-member");
            manager.open("/deliveries");
            checked(manager, "deliveries");
            manager.open("/reports/attendance");
            checked(manager, "attendance-report");
            manager.open("/reports/charts");
            manager.waitFor(By.id("risk-chart"));
            checked(manager, "charts");

            manager.open("/templates");
            checked(manager, "templates");
            manager.click(By.cssSelector("a[href='/templates/concern-alert']"));
            manager.waitFor(By.id("preview"));
            String marker = "Preview check " + name;
            manager.driver().findElement(By.id("text")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n" + marker);
            manager.waitForText(By.id("preview"), marker, Duration.ofSeconds(20)); // htmx, as they type
            checked(manager, "template-preview");
            manager.click(By.xpath("//button[normalize-space()='Preview']"));
            manager.waitForText(By.id("preview"), marker, Duration.ofSeconds(20));

            manager.open("/concerns/" + concernId);
            manager.waitForText(By.tagName("h1"), reference, Duration.ofSeconds(20));
            assertFalse(manager.pageText().contains("Refer to a council"), "a manager has no DSL moves");
            checked(manager, "concern-as-manager");
            manager.open("/concerns/" + allegationId);
            manager.waitForText(By.tagName("h1"), "Page not found", Duration.ofSeconds(20));
            checked(manager, "staff-allegation-refused");
        }

        // ---- another organisation's DSL sees none of it
        try (Browser other = new Browser("dsl-b")) {
            other.signIn("dsl-b");
            other.clickLink("Concerns");
            other.waitFor(By.id("clocks"));
            assertFalse(other.pageText().contains(reference), "org-b's dashboard lists org-a's concern");
            assertFalse(other.driver().getPageSource().contains(concernId));
            checked(other, "dashboard-other-organisation");
            other.open("/concerns/" + concernId);
            other.waitForText(By.tagName("h1"), "Page not found", Duration.ofSeconds(20));
            checked(other, "concern-other-organisation");
        }
        // the template was only previewed: nothing saved
        assertEquals(false, RestAssured.given().auth().oauth2(Suite.tokenOf("manager-a"))
                .get(Suite.NOTIFICATION + "/templates/concern-alert").then().statusCode(200).extract().path("text").toString()
                .contains("Preview check " + name));
        assertEquals(List.of(), VIOLATIONS, "WCAG 2.2 A/AA violations found by axe-core");
    }
}
