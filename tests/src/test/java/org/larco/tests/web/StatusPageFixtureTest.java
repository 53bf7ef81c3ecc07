package org.larco.tests.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The status page in headless Chromium against fixed API responses: escaping of names from other
 * parties, the vote grid, keyboard use, accessible names and contrast, without starting a node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageFixtureTest {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(20);

    private PageFixtureServer server;
    private ChromeSession browser;
    private StatusPage page;

    @BeforeAll
    void start() throws Exception {
        server = PageFixtureServer.start(PageFixtures.routes(), 100);
        browser = ChromeSession.start();
        page = new StatusPage(browser);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        page.open(server.baseUrl(), LOAD_TIMEOUT);
    }

    @Test
    void hostileMemberNameShownAsText() {
        List<WebElement> names = browser.driver().findElements(By.cssSelector("#members .member-name"));
        WebElement endpoint = browser.driver().findElements(By.cssSelector("#members .endpoint")).get(2);

        assertEquals(PageFixtures.HOSTILE_NAME, names.get(2).getText());
        assertEquals(PageFixtures.HOSTILE_ENDPOINT, endpoint.getText());
        assertEquals(0L, page.script("return document.querySelectorAll('main img, main script, main b, main i').length"));
        assertNull(page.script("return window.__larcoInjected === undefined ? null : window.__larcoInjected"));
    }

    @Test
    void hostileNameEscapedInVoteGrid() {
        page.selectTab("tab-rounds");

        List<String> learners = browser.driver().findElements(By.cssSelector("#vote-grid th.learner")).stream()
                .map(WebElement::getText).toList();

        assertEquals(PageFixtures.LEARNERS, learners);
        assertEquals(0L, page.script("return document.querySelectorAll('#vote-grid img').length"));
    }

    @Test
    void voteGridHasCellPerLearnerAndRound() {
        page.selectTab("tab-rounds");

        List<String> kinds = page.voteCells().stream().map(cell -> cell.getAttribute("data-kind")).toList();

        assertEquals(PageFixtures.LEARNERS.size() * PageFixtures.ROUNDS, kinds.size());
        assertEquals(PageFixtures.ROUNDS, kinds.stream().filter("proposer"::equals).count());
        assertEquals(1, kinds.stream().filter("absent"::equals).count());
        assertEquals(1, kinds.stream().filter("reject"::equals).count());
        assertEquals(4, kinds.stream().filter("approve"::equals).count());
    }

    @Test
    void voteCellStatesMeaningInText() {
        page.selectTab("tab-rounds");

        WebElement absent = browser.driver().findElement(By.cssSelector("#vote-grid td[data-kind=absent]"));

        String text = absent.getDomProperty("textContent");
        assertTrue(text.contains("absent"), "absent cell should say 'absent' in text, got '" + text + "'");
    }

    @Test
    void heightFollowsStreamWithoutReload() {
        page.script("window.__larcoPageMarker = 'same page';");
        long before = page.shownHeight();

        browser.waitUpTo(LOAD_TIMEOUT).until(d -> page.shownHeight() > before + 2);

        assertEquals("same page", page.script("return window.__larcoPageMarker"));
    }

    @Test
    void tabsUsableWithKeyboard() {
        PageAssertions.assertTabsKeyboardUsable(page, browser.driver());
    }

    @Test
    void everyControlHasAccessibleName() {
        PageAssertions.assertControlsNamed(page);
    }

    @Test
    void textContrastMeetsWcagAa() {
        PageAssertions.assertTextContrast(page, List.of("tab-overview", "tab-rounds", "tab-model"));
    }

    @Test
    void everyTabRendersWithoutConsoleErrors() throws Exception {
        browser.takeConsoleErrors();
        for (String tab : StatusPage.TAB_IDS) {
            page.selectTab(tab);
            browser.saveScreenshot("fixture-" + tab);
        }

        assertEquals(List.of(), browser.takeConsoleErrors());
        assertEquals(1L, page.script("return document.querySelectorAll('#roc-chart canvas').length"));
        assertEquals(6L, page.script("return document.querySelectorAll('#events canvas').length"));
    }
}
