package org.larco.tests.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The status page of a real node in headless Chromium: a tiny {@code larco simulate} (3 learners,
 * 3 rounds, 150 events each) keeps serving while the browser watches it. The tests run in order
 * on one page load, because live updates must reach the page that was loaded first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageNodeTest {

    private static final Duration HTTP_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration ROUNDS_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private Path outDir;
    private SimulatedNode node;
    private ChromeSession browser;
    private StatusPage page;

    @BeforeAll
    void start() throws Exception {
        outDir = Files.createTempDirectory("larco-web-simulate");
        node = SimulatedNode.start(outDir, Path.of("target", "simulate-web-test.log"));
        node.awaitHttp(HTTP_START_TIMEOUT);
        browser = ChromeSession.start();
        page = new StatusPage(browser);
        page.open(node.baseUrl(), PAGE_TIMEOUT);
        page.script("window.__larcoPageMarker = 'loaded once';");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
        if (outDir != null) {
            ChromeSession.deleteTree(outDir);
        }
    }

    @Test
    @Order(1)
    void pageLoadsWithoutConsoleErrors() {
        assertEquals(List.of(), browser.takeConsoleErrors());
    }

    @Test
    @Order(2)
    void shownHeightMatchesApiStatus() throws Exception {
        JsonObject before = node.getJson("api/status");
        long heightBefore = before.getLong("height");
        browser.waitUpTo(PAGE_TIMEOUT).until(d -> page.shownHeight() >= heightBefore);

        long shown = page.shownHeight();
        long heightAfter = node.getJson("api/status").getLong("height");

        assertTrue(shown >= heightBefore, "page shows height " + shown + " below /api/status height " + heightBefore + " read before");
        assertTrue(shown <= heightAfter, "page shows height " + shown + " above /api/status height " + heightAfter + " read after");
        assertEquals(before.getString("chainId"), page.shownChainId());
    }

    @Test
    @Order(3)
    void roundsAppearInTableAndGrid() throws Exception {
        JsonObject rounds = node.awaitClosedRounds(SimulatedNode.ROUNDS, ROUNDS_TIMEOUT);
        int learners = rounds.getJsonArray("learners").size();
        int roundCount = rounds.getJsonArray("rounds").size();
        page.selectTab("tab-rounds");

        browser.waitUpTo(PAGE_TIMEOUT).until(d -> page.voteCells().size() == learners * roundCount);

        assertEquals(SimulatedNode.LEARNERS, learners);
        assertEquals(learners * roundCount, page.voteCells().size());
        assertEquals(roundCount, page.roundRows().size());
        assertEquals(roundCount, browser.driver().findElements(By.cssSelector("#vote-grid td[data-kind=proposer]")).size());
        assertEquals("loaded once", page.script("return window.__larcoPageMarker"), "rounds arrived through a reload");
    }

    @Test
    @Order(4)
    void heightIncreasesWithoutReload() {
        long before = page.shownHeight();

        browser.waitUpTo(PAGE_TIMEOUT).until(d -> page.shownHeight() >= before + 3);

        assertEquals("loaded once", page.script("return window.__larcoPageMarker"));
    }

    @Test
    @Order(5)
    void modelAndEventsShown() throws Exception {
        page.selectTab("tab-model");
        browser.waitUpTo(ROUNDS_TIMEOUT).until(d -> !d.findElements(By.cssSelector("#confusion table")).isEmpty());
        page.selectTab("tab-events");
        browser.waitUpTo(PAGE_TIMEOUT).until(d -> !d.findElements(By.cssSelector("#events canvas")).isEmpty());

        int classes = node.getJson("api/model").getJsonArray("classes").size();
        int eventsShown = browser.driver().findElements(By.cssSelector("#events article")).size();

        assertEquals(classes + 1, browser.driver().findElements(By.cssSelector("#confusion tbody tr")).size());
        assertEquals(3 * eventsShown, browser.driver().findElements(By.cssSelector("#events canvas")).size());
    }

    @Test
    @Order(6)
    void everyControlHasAccessibleName() {
        PageAssertions.assertControlsNamed(page);
    }

    @Test
    @Order(7)
    void tabsUsableWithKeyboard() {
        PageAssertions.assertTabsKeyboardUsable(page, browser.driver());
    }

    @Test
    @Order(8)
    void textContrastMeetsWcagAa() {
        PageAssertions.assertTextContrast(page, List.of("tab-overview", "tab-rounds", "tab-model"));
    }

    @Test
    @Order(9)
    void screenshotsSavedWithoutConsoleErrors() throws Exception {
        for (String tab : StatusPage.TAB_IDS) {
            page.selectTab(tab);
            Path shot = browser.saveScreenshot("node-" + tab);

            assertTrue(Files.size(shot) > 10_000, shot + " is too small to show the page");
        }
        assertEquals(List.of(), browser.takeConsoleErrors());
    }
}
