package org.larco.tests.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The status page as the browser tests see it: what it shows and how to move around it. */
final class StatusPage {

    static final List<String> TAB_IDS = List.of("tab-overview", "tab-rounds", "tab-scores", "tab-model", "tab-events",
            "tab-competitions");

    /** Elements whose text colour is checked against the background behind them. */
    static final List<String> TEXT_SELECTORS = List.of(
            "h1", "h2", "h3", ".node-name", ".summary dt", ".summary dd", "#live-state", ".experiment-picker label",
            "[role=tab][aria-selected=true]", "[role=tab][aria-selected=false]", "caption", "thead th", "tbody td",
            ".badge-active", ".badge-inactive", ".status-accepted", ".status-rejected", ".legend li",
            ".vote-approve", ".vote-reject", ".vote-absent", ".vote-proposer", ".page-footer p", ".note", "figcaption");

    private static final String TEXT_SAMPLES_SCRIPT = """
            const samples = [];
            for (const selector of arguments[0]) {
              for (const element of document.querySelectorAll(selector)) {
                if (element.getClientRects().length === 0 || element.textContent.trim() === '') {
                  continue;
                }
                let background = null;
                for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
                  const colour = getComputedStyle(node).backgroundColor;
                  if (colour !== 'transparent' && !/^rgba\\(.*,\\s*0\\)$/.test(colour)) {
                    background = colour;
                    break;
                  }
                }
                samples.push({ selector: selector, text: element.textContent.trim().slice(0, 40),
                  colour: getComputedStyle(element).color, background: background || 'rgb(255, 255, 255)' });
                break;
              }
            }
            return samples;
            """;

    private final ChromeSession browser;
    private final WebDriver driver;

    StatusPage(ChromeSession browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    /** Loads the page and waits until the first /api/status response is on screen. */
    void open(String baseUrl, Duration timeout) {
        driver.get(baseUrl);
        browser.waitUpTo(timeout).until(d -> !d.findElement(By.id("chain-height")).getAttribute("data-height").isEmpty());
        browser.waitUpTo(timeout).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#members table")));
    }

    long shownHeight() {
        return Long.parseLong(driver.findElement(By.id("chain-height")).getAttribute("data-height"));
    }

    String shownChainId() {
        return driver.findElement(By.id("chain-id")).getText();
    }

    void selectTab(String tabId) {
        driver.findElement(By.id(tabId)).click();
        String panelId = driver.findElement(By.id(tabId)).getAttribute("aria-controls");
        browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id(panelId)));
    }

    List<WebElement> voteCells() {
        return driver.findElements(By.cssSelector("#vote-grid td.vote-cell"));
    }

    List<WebElement> leaderboardRows() {
        return driver.findElements(By.cssSelector("#competitions table.leaderboard tbody tr"));
    }

    List<WebElement> roundRows() {
        return driver.findElements(By.cssSelector("#rounds-table tbody tr"));
    }

    /** Describes each visible control whose accessible name, as Chromium computes it, is empty. */
    List<String> controlsWithoutName() {
        List<String> unnamed = new ArrayList<>();
        for (WebElement control : driver.findElements(By.cssSelector(
                "a[href], button, select, input, textarea, [role=tab], [tabindex]:not([tabindex='-1'])"))) {
            if (control.isDisplayed() && control.getAccessibleName().isBlank()) {
                unnamed.add(control.getTagName() + "#" + control.getAttribute("id") + " role=" + control.getAriaRole());
            }
        }
        return unnamed;
    }

    /** Presses Tab from the top of the page until a tab has focus; returns the ids passed. */
    List<String> tabUntilTabList(int maxPresses) {
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < maxPresses; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            String id = active.getAttribute("id");
            focused.add(id == null || id.isEmpty() ? active.getTagName() : id);
            if ("tab".equals(active.getAttribute("role"))) {
                break;
            }
        }
        return focused;
    }

    void pressKey(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    WebElement focusedElement() {
        return driver.switchTo().activeElement();
    }

    String focusedOutlineStyle() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
    }

    /** Returns {selector, text, colour, background} for the first visible element of each selector. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> textSamples() {
        return (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(TEXT_SAMPLES_SCRIPT, TEXT_SELECTORS);
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }
}
