package org.larco.tests.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** Accessibility checks shared by the fixture and the real-node browser tests. */
final class PageAssertions {

    private PageAssertions() {
    }

    /** Asserts that every visible control on every tab has a name in Chromium's accessibility tree. */
    static void assertControlsNamed(StatusPage page) {
        for (String tab : StatusPage.TAB_IDS) {
            page.selectTab(tab);

            assertEquals(List.of(), page.controlsWithoutName(), "controls without an accessible name on " + tab);
        }
    }

    /**
     * Asserts that Tab reaches the tab list from the top, focus is outlined, arrow keys and End move the
     * selection, and ArrowRight on the last tab wraps to the first.
     */
    static void assertTabsKeyboardUsable(StatusPage page, WebDriver driver) {
        page.selectTab("tab-overview");
        List<String> focused = page.tabUntilTabList(10);

        assertEquals("tab-overview", focused.get(focused.size() - 1), "Tab order was " + focused);
        String outline = page.focusedOutlineStyle();
        assertTrue(outline.startsWith("solid"), "focused tab outline was '" + outline + "'");
        assertTrue(!outline.endsWith(" 0px"), "focused tab outline was '" + outline + "'");

        page.pressKey(Keys.ARROW_RIGHT);
        assertEquals("tab-rounds", page.focusedElement().getAttribute("id"));
        assertEquals("true", page.focusedElement().getAttribute("aria-selected"));
        assertTrue(driver.findElement(By.id("panel-rounds")).isDisplayed(), "rounds panel hidden after ArrowRight");

        page.pressKey(Keys.END);
        assertEquals("tab-competitions", page.focusedElement().getAttribute("id"));
        assertTrue(driver.findElement(By.id("panel-competitions")).isDisplayed(), "competitions panel hidden after End");

        page.pressKey(Keys.ARROW_RIGHT);
        assertEquals("tab-overview", page.focusedElement().getAttribute("id"), "ArrowRight on the last tab should wrap");
    }

    /** Asserts that text colours of headings, tabs, tables, badges and the legend reach 4.5:1 on their background. */
    static void assertTextContrast(StatusPage page, List<String> tabs) {
        for (String tab : tabs) {
            page.selectTab(tab);
            List<Map<String, Object>> samples = page.textSamples();

            assertTrue(samples.size() >= 8, "too few text samples on " + tab + ": " + samples);
            for (Map<String, Object> sample : samples) {
                double ratio = Contrast.ratio((String) sample.get("colour"), (String) sample.get("background"));
                assertTrue(ratio >= Contrast.AA_NORMAL_TEXT,
                        "contrast " + String.format("%.2f", ratio) + " below 4.5:1 on " + tab + " for " + sample);
            }
        }
    }
}
