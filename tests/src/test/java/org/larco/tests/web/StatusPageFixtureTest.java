package org.larco.tests.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
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
 * parties, the vote grid, competition leaderboards, keyboard use, accessible names and contrast,
 * without starting a node.
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
    void leaderboardListsEntriesBestFirst() throws Exception {
        page.selectTab("tab-competitions");
        browser.waitUpTo(LOAD_TIMEOUT).until(d -> !page.leaderboardRows().isEmpty());

        List<WebElement> rows = page.leaderboardRows();
        List<String> ranks = rows.stream().map(r -> cellText(r, 1)).toList();
        List<String> entrants = rows.stream().map(r -> r.findElement(By.cssSelector(".entrant")).getText()).toList();
        List<String> experiments = rows.stream().map(r -> cellText(r, 3)).toList();
        List<String> medians = rows.stream().map(r -> cellText(r, 4)).toList();
        List<String> scoreCounts = rows.stream().map(r -> cellText(r, 5)).toList();
        WebElement firstHash = rows.get(0).findElement(By.cssSelector("code.hex"));

        assertEquals(List.of("1", "2"), ranks);
        assertEquals(PageFixtures.ENTRANTS, entrants);
        assertEquals(List.of("3", "2"), experiments);
        assertEquals(List.of("0.612", "0.530"), medians);
        assertEquals(List.of("2", "3"), scoreCounts);
        assertEquals(PageFixtures.weightsHash(0), firstHash.getAttribute("title"));
        assertEquals(PageFixtures.weightsHash(0).substring(0, 12) + "\u2026", firstHash.getText());
        assertEquals("Task " + PageFixtures.COMPETITION_TASK,
                browser.driver().findElement(By.cssSelector("#competitions h3")).getText());
        browser.saveScreenshot("fixture-tab-competitions-leaderboard");
    }

    @Test
    void hostileEntrantShownAsText() {
        page.selectTab("tab-competitions");
        browser.waitUpTo(LOAD_TIMEOUT).until(d -> !page.leaderboardRows().isEmpty());

        WebElement entrant = page.leaderboardRows().get(1).findElement(By.cssSelector(".entrant"));

        assertEquals(PageFixtures.HOSTILE_NAME, entrant.getText());
        assertEquals(0, entrant.findElements(By.xpath("./*")).size());
        assertEquals(0L, page.script("return document.querySelectorAll('#competitions img, #competitions script').length"));
        assertNull(page.script("return window.__larcoInjected === undefined ? null : window.__larcoInjected"));
    }

    @Test
    void leaderboardRefreshedOnRoundEvent() {
        browser.waitUpTo(LOAD_TIMEOUT).until(d -> page.leaderboardRows().size() == 2);
        JsonObject previous = server.setRoute("/api/leaderboard", PageFixtures.leaderboard(
                List.of("carol", "bob", PageFixtures.HOSTILE_NAME), List.of(4, 3, 2), List.of(0.7, 0.61249, 0.5304)));
        try {
            server.sendRoundEvent(new JsonObject().put("experiment", 2).put("round", 1).put("status", "ACCEPTED"));

            // The Overview tab stays selected, so only the round event can trigger this reload.
            browser.waitUpTo(LOAD_TIMEOUT).until(d -> page.leaderboardRows().size() == 3);

            assertEquals("carol", page.leaderboardRows().get(0).findElement(By.cssSelector(".entrant")).getDomProperty("textContent"));
        } finally {
            server.setRoute("/api/leaderboard", previous);
        }
    }

    @Test
    void competitionsEmptyStateWithoutCompetition() throws Exception {
        try (PageFixtureServer plain = PageFixtureServer.start(PageFixtures.routesWithoutCompetition(), 100)) {
            page.open(plain.baseUrl(), LOAD_TIMEOUT);
            page.selectTab("tab-competitions");

            WebElement empty = browser.waitUpTo(LOAD_TIMEOUT).until(
                    d -> d.findElements(By.cssSelector("#competitions .empty-competitions")).stream().findFirst().orElse(null));

            assertEquals("No competition entries yet: a member enters its model with POST /api/admin/experiments"
                    + " and \"competition\": true.", empty.getText());
            assertEquals(0, page.leaderboardRows().size());
            browser.saveScreenshot("fixture-tab-competitions-empty");
        }
    }

    @Test
    void invalidTaskNameShownAsError() throws Exception {
        String task = "bad task <b>x</b>";
        try (PageFixtureServer invalid = PageFixtureServer.start(PageFixtures.routesWithCompetitionTask(task), 100)) {
            page.open(invalid.baseUrl(), LOAD_TIMEOUT);
            page.selectTab("tab-competitions");

            WebElement error = browser.waitUpTo(LOAD_TIMEOUT).until(
                    d -> d.findElements(By.cssSelector("#competitions [role=alert]")).stream().findFirst().orElse(null));

            assertTrue(error.getText().startsWith("Invalid task name \"" + task + "\""), "error was '" + error.getText() + "'");
            assertEquals(0, page.leaderboardRows().size());
            assertEquals(0L, page.script("return document.querySelectorAll('#competitions b').length"));
        }
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
        PageAssertions.assertTextContrast(page, List.of("tab-overview", "tab-rounds", "tab-model", "tab-competitions"));
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

    private static String cellText(WebElement row, int column) {
        return row.findElement(By.cssSelector(":scope > :nth-child(" + column + ")")).getText();
    }
}
