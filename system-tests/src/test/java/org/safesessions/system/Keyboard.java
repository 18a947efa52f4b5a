package org.safesessions.system;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's keyboard in a {@link Browser}: every key goes to whatever has focus (Selenium's Actions, never an
 * element's click() or sendKeys()), so a test reads as the keystrokes a keyboard-only user makes. Every move that
 * lands on an element checks that its focus can be seen.
 */
final class Keyboard {

    /** How many Tabs a person is expected to press at most to get from one place to the next. */
    static final int TABS = 60;

    private final ChromeDriver driver;

    Keyboard(Browser browser) {
        this.driver = browser.driver();
        // a headless window never has the desktop's focus, so without this no element matches :focus or :focus-visible
        driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", java.util.Map.of("enabled", true));
    }

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void type(String text) {
        press(text);
    }

    /** Ctrl+A then the text: what a person does to replace what a field already holds. */
    void replace(String text) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
        assertEquals(text, focused().getAttribute("value"), () -> focusedId() + " holds what was typed");
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    String focusedId() {
        return focus().id();
    }

    /** One Tab, which must land on the element with this id: the next stop in a sensible order. */
    void next(String id) {
        press(Keys.TAB);
        Focus now = focus();
        assertEquals(id, now.id(), () -> "after " + id + "'s predecessor, Tab should go to " + id + ", went to " + now);
        assertFocusVisible();
    }

    /** Tabs (at most {@code bound}) until the element with this id has focus; returns the ids passed on the way. */
    List<String> tabTo(String id, int bound) {
        return tabUntil("#" + id, f -> id.equals(f.id()), bound);
    }

    List<String> tabTo(String id) {
        return tabTo(id, TABS);
    }

    /** Tabs until a link or button whose words start with these has focus (links and buttons mostly have no id). */
    List<String> tabToControl(String words) {
        return tabUntil("'" + words + "'", f -> List.of("a", "button").contains(f.tag()) && f.text().startsWith(words), TABS);
    }

    /** Tabs into a group of radios, by their name (one Tab stop for the group, on the one chosen or else the first). */
    List<String> tabToRadios(String name) {
        return tabUntil("radios " + name, f -> "radio".equals(f.type()) && name.equals(f.name()), TABS);
    }

    /** In a group of radios that has focus: the arrow keys move to (and choose) this one; Space if it has focus unchosen. */
    void chooseRadio(String id) {
        for (int i = 0; i < 12 && !id.equals(focusedId()); i++) {
            press(Keys.ARROW_DOWN);
        }
        assertEquals(id, focusedId(), "the arrow keys should reach radio " + id);
        if (!focused().isSelected()) {
            press(Keys.SPACE);
        }
        assertTrue(focused().isSelected(), () -> id + " is chosen");
        assertFocusVisible();
    }

    /** A checkbox with focus is ticked (or unticked) with Space. */
    void space(boolean thenTicked) {
        press(Keys.SPACE);
        assertEquals(thenTicked, focused().isSelected(), () -> focusedId() + " ticked");
    }

    private List<String> tabUntil(String what, Predicate<Focus> target, int bound) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i <= bound; i++) {
            Focus now = focus();
            if (target.test(now)) {
                assertFocusVisible();
                return path;
            }
            path.add(now.toString());
            press(Keys.TAB);
        }
        throw new AssertionError(what + " not reached in " + bound + " Tabs; passed " + path);
    }

    String describe() {
        return focus().toString();
    }

    /** What has focus, as a person would name it: tag, id and short words; read in one round trip to the browser. */
    record Focus(String tag, String id, String type, String name, String text) {
        @Override
        public String toString() {
            return tag + (id.isEmpty() ? "" : "#" + id) + (text.isEmpty() || text.length() > 40 ? "" : "'" + text + "'");
        }
    }

    Focus focus() {
        @SuppressWarnings("unchecked")
        var f = (java.util.Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                const e = document.activeElement || document.body;
                return {tag: e.tagName.toLowerCase(), id: e.id || '', type: e.getAttribute('type') || '',
                        name: e.getAttribute('name') || '', text: (e.innerText || '').replace(/\\s+/g, ' ').trim()};
                """);
        return new Focus((String) f.get("tag"), (String) f.get("id"), (String) f.get("type"), (String) f.get("name"),
                (String) f.get("text"));
    }

    /**
     * The element with focus shows it: the browser treats it as :focus-visible, and the element (or, for GOV.UK's
     * drawn radios and checkboxes, its label's box) has a focus indicator, an outline or a box-shadow.
     */
    void assertFocusVisible() {
        String problem = (String) ((JavascriptExecutor) driver).executeScript("""
                const e = document.activeElement;
                if (!e || e === document.body) return 'nothing has focus';
                if (!e.matches(':focus-visible')) return 'not :focus-visible (document has focus: ' + document.hasFocus() + ')';
                const shows = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                        && s.outlineColor !== 'rgba(0, 0, 0, 0)' && s.outlineColor !== 'transparent')
                    || (s.boxShadow && s.boxShadow !== 'none');
                const styles = [getComputedStyle(e)];
                for (const label of (e.labels || [])) styles.push(getComputedStyle(label, '::before'), getComputedStyle(label, '::after'));
                if (styles.some(shows)) return '';
                // Keycloak's PatternFly fields draw their focus as a thicker line in the wrapper's ::after
                if (e.parentElement && parseFloat(getComputedStyle(e.parentElement, '::after').borderBottomWidth) >= 2) return '';
                const s = styles[0];
                return 'no focus indicator: outline ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ', box-shadow ' + s.boxShadow;
                """);
        assertEquals("", problem, () -> "focus on " + describe() + " can be seen");
    }
}
