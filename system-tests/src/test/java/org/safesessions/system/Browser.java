package org.safesessions.system;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One person's headless Debian Chromium, driven through Selenium with the distribution's chromedriver (Selenium
 * Manager is never asked to download anything). Every page it is asked to check gets a full-page screenshot under
 * target/portal-screenshots and an axe-core run for WCAG 2.2 A/AA.
 */
final class Browser implements AutoCloseable {

    static final String PORTAL = System.getProperty("suite.portal", "http://127.0.0.1:8080");
    static final Path SCREENSHOTS = Path.of(System.getProperty("portal.screenshots", "target/portal-screenshots"));

    /** Every page checked, with its axe violations (rule ids and how many nodes), for the report. */
    static final List<String> AXE_REPORT = new ArrayList<>();

    private final ChromeDriver driver;
    private final Path profile;
    private final String who;

    Browser(String who) {
        this.who = who;
        try {
            profile = Files.createTempDirectory("portal-chromium-" + who);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : PORTAL + path);
    }

    /** Signs in through Keycloak's own login page, as a person would. */
    void signIn(String user) {
        open("/");
        waitFor(By.id("username"));
        screenshot("keycloak-sign-in");
        type(By.id("username"), user);
        type(By.id("password"), user);
        driver.findElement(By.id("kc-login")).click();
        waitFor(By.cssSelector("h1.govuk-heading-xl"));
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    void waitForText(By where, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    void click(By what) {
        WebElement element = driver.findElement(what);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void clickLink(String text) {
        click(By.linkText(text));
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A full-page screenshot and axe-core on the page: returns the WCAG 2.2 A/AA violations (none expected). */
    List<String> check(String name) {
        screenshot(name);
        return axe(name);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Object height = ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(1280, Math.min(6000, Math.max(800, ((Number) height).intValue() + 120))));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(who + "-" + name + ".png"), png);
            driver.manage().window().setSize(new Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> axe(String name) {
        String script = Axe.source() + """
                ;const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } })
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """;
        List<String> violations = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(script);
        AXE_REPORT.add(who + "-" + name + " " + driver.getCurrentUrl().replace(PORTAL, "") + ": "
                + (violations.isEmpty() ? "0 violations" : violations.size() + " violations " + violations));
        return violations;
    }

    Map<String, Object> cookies() {
        return Map.of("count", driver.manage().getCookies().size());
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
