package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every form of the journeys, with the keyboard alone, in the real headless Chromium against the running suite: no
 * clicks, only Tab, typing, Space for checkboxes and radios (arrow keys within a group) and Enter to submit or follow
 * a link. Each field is reached by Tab, in the order a person reads the form, with its focus visible; each form is
 * sent and succeeds. An error summary takes focus and each of its links moves focus to its field.
 * <p>
 * The journey, in order: signing in on Keycloak's page; a coordinator registers a young person with a guardian
 * (error summary first), records a consent (error summary first) and books a group session, choosing facilitators
 * and the invitee; a youth worker completes the pre-session checklist, starts the session and raises a concern; a DSL
 * acknowledges it, adds to its chronology and marks a notification read; a manager saves the policy and a message
 * template (each with the values it had, so no other test sees a change).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyboardOnlyBrowserIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration WAIT = Duration.ofSeconds(30);
    static long started;
    static String name;
    static String youngPersonId;
    static String title;
    static String sessionId;
    static String concernId;

    @BeforeAll
    static void zoomIsApproved() {
        started = System.nanoTime();
        name = "Kit" + (System.currentTimeMillis() % 100000);
        title = "Keyboard club " + name;
        LocalDate today = LocalDate.now(LONDON);
        RestAssured.given().auth().oauth2(Suite.tokenOf("manager-a")).contentType(ContentType.JSON)
                .body("{\"assessedBy\":\"Online safety lead\",\"assessedOn\":\"" + today.minusDays(7)
                        + "\",\"reviewDue\":\"" + today.plusYears(1) + "\"}")
                .put(Suite.SESSION + "/policy/platforms/ZOOM").then().statusCode(200);
    }

    @AfterAll
    static void runTime() {
        System.out.println("KeyboardOnlyBrowserIT: " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }

    /** Keycloak's login page: the user name (focused on arrival or reached by Tab), Tab to the password, Enter. */
    static void signIn(Browser browser, Keyboard keys, String user) {
        browser.open("/");
        browser.waitFor(By.id("username"));
        keys.tabTo("username", 10);
        keys.type(user);
        keys.next("password");
        keys.type(user);
        keys.press(Keys.ENTER);
        browser.waitFor(By.cssSelector("h1.govuk-heading-xl"));
    }

    static void waitForSuccess(Browser browser) {
        try {
            browser.waitFor(By.cssSelector(".govuk-notification-banner--success"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no success banner at " + browser.url() + ": " + browser.pageText(), e);
        }
    }

    /**
     * The page came back with an error summary: it has focus; Tab reaches its first link; Enter on it puts focus on
     * the field it names (for a group of radios or checkboxes, on one of them). What goes wrong is added to problems.
     */
    static void errorSummaryLeadsToTheField(Browser browser, Keyboard keys, List<String> problems) {
        browser.waitFor(By.className("govuk-error-summary"));
        if (!String.valueOf(keys.focused().getAttribute("class")).contains("govuk-error-summary")) {
            problems.add(browser.heading() + ": the error summary does not take focus (" + keys.describe() + ")");
            return;
        }
        keys.press(Keys.TAB);
        WebElement link = keys.focused();
        String target = String.valueOf(link.getAttribute("hash")).replaceFirst("^#", "");
        if (!"a".equals(link.getTagName()) || target.isEmpty()) {
            problems.add(browser.heading() + ": Tab from the error summary goes to " + keys.describe() + ", not its first link");
            return;
        }
        keys.press(Keys.ENTER);
        Boolean onTheField = (Boolean) ((JavascriptExecutor) browser.driver()).executeScript("""
                const e = document.activeElement, target = document.getElementById(arguments[0]);
                return Boolean(target && e && ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) && (e === target || target.contains(e)));
                """, target);
        if (!onTheField) {
            problems.add(browser.heading() + ": Enter on the error link to #" + target + " leaves focus on " + keys.describe());
        } else {
            keys.assertFocusVisible();
        }
    }

    static LocalDate nextWorkingDay() {
        LocalDate day = LocalDate.now(LONDON).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    @Order(1)
    void aCoordinatorRegistersRecordsConsentAndBooksWithTheKeyboard() {
        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser("keyboard-coordinator")) {
            Keyboard keys = new Keyboard(browser);
            signIn(browser, keys, "coord-a");

            // ---- register a young person with a guardian: sent empty first, for the error summary
            keys.tabToControl("Young people");
            keys.press(Keys.ENTER);
            browser.waitForText(By.tagName("h1"), "Young people", WAIT);
            keys.tabToControl("Register a young person");
            keys.press(Keys.ENTER);
            browser.waitFor(By.id("preferredName"));
            keys.tabToControl("Register young person");
            keys.press(Keys.ENTER);
            errorSummaryLeadsToTheField(browser, keys, problems);
            browser.screenshot("register-errors");
            keys.tabTo("preferredName");
            keys.type(name);
            keys.next("dateOfBirth-day");
            keys.type("4");
            keys.next("dateOfBirth-month");
            keys.type("3");
            keys.next("dateOfBirth-year");
            keys.type("2012");
            keys.next("localAuthorityCode");
            keys.type("E09000024");
            keys.next("email");
            keys.next("guardians-0-name");
            keys.type("Pat " + name);
            keys.next("guardians-0-relationship");
            keys.type("mother");
            keys.next("guardians-0-email");
            keys.type("pat." + name.toLowerCase() + "@example.org");
            keys.next("guardians-0-phone");
            keys.next("guardians-0-preferredChannel-EMAIL"); // the chosen radio is the group's one Tab stop
            keys.tabToControl("Register young person");
            keys.press(Keys.ENTER);
            browser.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Young person registered", WAIT);
            youngPersonId = browser.url().replaceAll(".*/young-people/([^?#]+).*", "$1");

            // ---- record a consent: sent without how it was given, for the error summary
            keys.tabToControl("Record a consent");
            keys.press(Keys.ENTER);
            browser.waitForText(By.tagName("h1"), "Record a consent", WAIT);
            keys.tabToControl("Record consent");
            keys.press(Keys.ENTER);
            errorSummaryLeadsToTheField(browser, keys, problems);
            browser.screenshot("record-consent-errors");
            browser.open("/young-people/" + youngPersonId + "/consents/new");
            browser.waitForText(By.tagName("h1"), "Record a consent", WAIT);
            keys.tabToRadios("scope");
            assertEquals("scope-GROUP_SESSIONS", keys.focusedId(), "the chosen scope is the group's Tab stop");
            keys.next("platforms-ZOOM");
            assertTrue(keys.focused().isSelected(), "Zoom is ticked already");
            keys.tabToRadios("guardianId");
            assertEquals("guardianId-0", keys.focusedId());
            keys.tabToRadios("evidenceMethod");
            keys.chooseRadio("evidenceMethod-PAPER_FORM");
            keys.next("evidenceReference");
            keys.type("FORM-" + name);
            keys.next("givenAt-day");
            keys.next("givenAt-month");
            keys.next("givenAt-year");
            keys.next("expiresAt-day");
            keys.tabToControl("Record consent");
            keys.press(Keys.ENTER);
            browser.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Consent recorded", WAIT);
            assertTrue(browser.pageText().contains("They have an active consent for group sessions on Zoom"), browser.pageText());

            // session-service books against its own projection of consent (from Kafka): wait until it has it
            String token = Suite.tokenOf("coord-a");
            Suite.await("session-service's projection has the consent", WAIT, () ->
                    RestAssured.given().auth().oauth2(token)
                            .get(Suite.SESSION + "/young-people/" + youngPersonId + "/consent-state").statusCode() == 200 ? true : null);

            // ---- book a group session: facilitators ticked with Space, the invitee searched for and ticked
            keys.tabToControl("Sessions");
            keys.press(Keys.ENTER);
            browser.waitForText(By.tagName("h1"), "Sessions", WAIT);
            keys.tabToControl("Book a group session");
            keys.press(Keys.ENTER);
            browser.waitFor(By.id("title"));
            LocalDate day = nextWorkingDay();
            keys.tabTo("title");
            keys.type(title);
            keys.next("startsAt-day");
            keys.type(String.valueOf(day.getDayOfMonth()));
            keys.next("startsAt-month");
            keys.type(String.valueOf(day.getMonthValue()));
            keys.next("startsAt-year");
            keys.type(String.valueOf(day.getYear()));
            keys.next("startsAt-time");
            keys.type("16:00");
            keys.next("durationMinutes");
            keys.type("60");
            keys.next("facilitators");
            List<String> chosen = new ArrayList<>();
            while ("facilitators".equals(keys.focused().getAttribute("name"))) {
                String user = keys.focused().getAttribute("value");
                boolean wanted = user.equals("worker-a") || user.equals("worker2-a");
                if (keys.focused().isSelected() != wanted) {
                    keys.space(wanted);
                }
                if (wanted) {
                    chosen.add(user);
                }
                keys.press(Keys.TAB);
                keys.assertFocusVisible();
            }
            assertEquals(List.of("worker-a", "worker2-a"), chosen.stream().sorted().toList(), "both workers were in the tab order");
            assertEquals("platform", keys.focused().getAttribute("name"), "after the facilitators, the platform: " + keys.describe());
            keys.chooseRadio("platform-ZOOM");
            keys.next("firstOfGroup");
            keys.next("inviteeName");
            keys.type(name);
            keys.press(Keys.ENTER);
            browser.waitForText(By.id("invitees"), "found for \"" + name + "\"", WAIT);
            assertEquals("inviteeName", keys.focusedId(), "Enter in the search box keeps focus there");
            keys.tabTo("invitee-" + youngPersonId, 4);
            keys.space(true);
            // the consent check redraws the invitees (htmx): the keyboard's place must survive it
            keys.tabToControl("Check consent for this time and platform");
            WebElement before = browser.driver().findElement(By.id("invitee-" + youngPersonId));
            keys.press(Keys.ENTER);
            new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(before));
            sleep(300); // htmx puts focus back as the swap settles
            if (!keys.focused().getText().startsWith("Check consent for this time and platform")) {
                problems.add("Book a group session: after Check consent, focus is on " + keys.describe());
            }
            assertTrue(browser.driver().findElement(By.id("invitee-" + youngPersonId)).isSelected(), "the invitee stays ticked");
            keys.tabToControl("Book session");
            keys.press(Keys.ENTER);
            browser.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Session booked", WAIT);
            sessionId = browser.url().replaceAll(".*/sessions/([^?#]+).*", "$1");
            assertTrue(browser.pageText().contains(name), browser.pageText());
            browser.screenshot("session-booked");
        }
        assertEquals(List.of(), problems, "keyboard problems");
    }

    @Test
    @Order(2)
    void aWorkerCompletesTheChecklistStartsAndRaisesAConcernWithTheKeyboard() {
        try (Browser browser = new Browser("keyboard-worker")) {
            Keyboard keys = new Keyboard(browser);
            signIn(browser, keys, "worker-a");
            browser.open("/sessions/" + sessionId);
            browser.waitForText(By.tagName("h1"), title, WAIT);

            // ---- the pre-session checklist, then start
            keys.tabTo("checklist-briefing");
            keys.space(true);
            keys.next("checklist-devices");
            keys.space(true);
            keys.next("checklist-save");
            keys.press(Keys.ENTER);
            browser.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Checklist saved", WAIT);
            keys.tabTo("start");
            keys.press(Keys.ENTER);
            browser.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Session started", WAIT);

            // ---- raise a concern about the session
            keys.tabToControl("Raise a safeguarding concern about this session");
            keys.press(Keys.ENTER);
            browser.waitForText(By.tagName("h1"), "Raise a safeguarding concern", WAIT);
            keys.tabToRadios("subjectType");
            keys.chooseRadio("subjectType-YOUNG_PERSON");
            keys.next("youngPersonId");
            keys.type(name); // a closed select's type-ahead picks the option starting with what is typed
            assertEquals(youngPersonId, keys.focused().getAttribute("value"), "the young person chosen by typing");
            keys.tabTo("categories-CYBERBULLYING", 15);
            keys.space(true);
            keys.tabToRadios("risk");
            keys.chooseRadio("risk-HIGH");
            keys.next("narrative");
            keys.type("A participant sent unkind messages in the chat.");
            keys.tabToControl("Raise concern");
            keys.press(Keys.ENTER);
            browser.waitForText(By.cssSelector(".govuk-notification-banner--success"), "Concern raised", WAIT);
            concernId = browser.url().replaceAll(".*/concerns/([^?#]+).*", "$1");
            browser.screenshot("concern-raised");
        }
    }

    @Test
    @Order(3)
    void aDslAcknowledgesAddsToTheChronologyAndMarksANotificationReadWithTheKeyboard() {
        try (Browser browser = new Browser("keyboard-dsl")) {
            Keyboard keys = new Keyboard(browser);
            signIn(browser, keys, "dsl-a");
            browser.open("/concerns/" + concernId);
            browser.waitFor(By.id("acknowledge"));

            keys.tabTo("acknowledge");
            keys.press(Keys.ENTER);
            waitForSuccess(browser);
            assertTrue(browser.url().contains("done="), browser.url());
            assertTrue(browser.driver().findElements(By.id("acknowledge")).isEmpty(), "acknowledged once");

            keys.tabToRadios("kind");
            keys.chooseRadio("entry-kind-NOTE");
            keys.next("entry-text");
            String entry = "Spoke to the group leader by phone " + name + ".";
            keys.type(entry);
            keys.next("entry-corrects");
            keys.tabTo("entry-add", 12);
            keys.press(Keys.ENTER);
            waitForSuccess(browser);
            assertTrue(browser.pageText().contains(entry), browser.pageText());
            browser.screenshot("chronology-entry");

            // ---- mark a notification read (the concern's alert reaches the DSL's feed)
            keys.tabToControl("Notifications");
            keys.press(Keys.ENTER);
            browser.waitFor(By.id("feed"));
            By unread = By.xpath("//button[starts-with(normalize-space(), 'Mark as read')]");
            Suite.await("the DSL has an unread notification", Duration.ofSeconds(60), () -> {
                if (!browser.driver().findElements(unread).isEmpty()) {
                    return true;
                }
                browser.open("/notifications");
                return null;
            });
            int count = browser.driver().findElements(unread).size();
            keys.tabToControl("Mark as read");
            keys.press(Keys.ENTER);
            new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(unread).size() == count - 1);
        }
    }

    @Test
    @Order(4)
    void aManagerSavesThePolicyAndATemplateWithTheKeyboard() {
        try (Browser browser = new Browser("keyboard-manager")) {
            Keyboard keys = new Keyboard(browser);
            signIn(browser, keys, "manager-a");

            // ---- the policy, saved with the largest group it had
            browser.open("/policy/edit");
            browser.waitFor(By.id("maxGroupSize"));
            keys.tabTo("minGroupFacilitators");
            keys.next("maxGroupSize");
            keys.replace(keys.focused().getAttribute("value"));
            keys.tabTo("workingDayStarts", 10);
            keys.next("workingDayEnds");
            keys.next("timeZone");
            keys.next("maxLengthMinutes");
            keys.tabToControl("Save policy");
            keys.press(Keys.ENTER);
            waitForSuccess(browser);
            assertTrue(browser.url().contains("done=policy"), browser.url());

            // ---- a message template, saved with the subject it had; the browser sends a textarea's lines with CRLF,
            // so the template is put back exactly as it was afterwards, for the journeys that read its emails
            browser.open("/templates");
            browser.waitFor(By.cssSelector("a[href^='/templates/']"));
            WebElement link = browser.driver().findElement(By.cssSelector("a[href^='/templates/']"));
            String first = link.getText().trim();
            String key = link.getAttribute("href").replaceAll(".*/templates/", "");
            String token = Suite.tokenOf("manager-a");
            java.util.Map<String, Object> original = RestAssured.given().auth().oauth2(token)
                    .get(Suite.NOTIFICATION + "/templates/" + key).then().statusCode(200).extract().jsonPath().getMap("");
            java.util.Map<String, Object> asItWas = new java.util.HashMap<>();
            for (String part : List.of("subject", "text", "html")) {
                asItWas.put(part, original.get(part));
            }
            try {
                keys.tabToControl(first);
                keys.press(Keys.ENTER);
                browser.waitFor(By.id("subject"));
                keys.tabTo("subject");
                keys.replace(keys.focused().getAttribute("value"));
                keys.next("text");
                keys.next("html");
                keys.tabToControl("Save template");
                keys.press(Keys.ENTER);
                waitForSuccess(browser);
                assertTrue(browser.url().contains("done=saved"), browser.url());
            } finally {
                // put back whatever happened above, so that no later journey reads a template this test changed
                RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(groovy.json.JsonOutput.toJson(asItWas))
                        .put(Suite.NOTIFICATION + "/templates/" + key).then().statusCode(200);
            }
            java.util.Map<String, Object> now = RestAssured.given().auth().oauth2(token)
                    .get(Suite.NOTIFICATION + "/templates/" + key).then().statusCode(200).extract().jsonPath().getMap("");
            for (String part : List.of("subject", "text", "html")) {
                assertEquals(original.get(part), now.get(part), "the template's " + part + " is as it was");
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
