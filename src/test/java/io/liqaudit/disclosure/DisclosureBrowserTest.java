package io.liqaudit.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.demo.DemoEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every disclosure page in a real headless browser: it loads with no console message (no script
 * error, no CSP violation, no failed resource), shows its figures, and leaves a screenshot in
 * target/screenshots/ as a test artifact.
 */
@QuarkusTest
class DisclosureBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static boolean loaded;

    @BeforeEach
    void recordDemoEventsOnce() throws InterruptedException {
        if (loaded) {
            return;
        }
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<com.fasterxml.jackson.databind.JsonNode> events = DemoEvents.generate(2026, 400);
        for (int i = 0; i < events.size(); i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) events.get(i)).put("eventId", "browser-" + i);
            batch.append(i > 0 ? "," : "").append(events.get(i));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        // Pages name the latest signed checkpoint: wait until one covers these events.
        io.liqaudit.ledger.LedgerProofsTest.latestCheckpointCovering(events.size());
        loaded = true;
    }

    private HeadlessChromium.Load load(String page) throws Exception {
        String url = base.toString().replaceAll("/$", "") + "/disclosures" + page + (page.contains("?") ? "&" : "?") + "period=2026";
        String name = page.isEmpty() ? "index" : page.substring(1).replaceAll("[^a-z-]", "_");
        Path shot = Path.of("target/screenshots/disclosures-" + name + ".png");
        HeadlessChromium.Load load = HeadlessChromium.load(url, shot);
        assertThat(load.console()).as("console messages on %s", url).isEmpty();
        assertThat(Files.size(shot)).as("screenshot of %s", url).isGreaterThan(10_000);
        assertThat(load.dom()).contains("engine (version 1.0.0)").contains("id=\"checkpoint-size\"");
        return load;
    }

    @Test
    void overviewShowsTheHeadlineFigures() throws Exception {
        String dom = load("").dom();
        assertThat(dom).contains("id=\"liquidations\"").contains("<svg").containsPattern("id=\"notional\" class=\"figure\">[0-9,]+\\.\\d{2,}<");
        // Counts add up: partial + full + no fill + unverifiable (no outcome) = all liquidations.
        java.util.regex.Matcher all = java.util.regex.Pattern.compile("id=\"liquidations\" class=\"figure\">([0-9,]+)<").matcher(dom);
        java.util.regex.Matcher fills = java.util.regex.Pattern.compile(
                "id=\"fills\"\\s+class=\"figure\">([0-9,]+) / ([0-9,]+) / ([0-9,]+) / ([0-9,]+)<").matcher(dom);
        assertThat(all.find() && fills.find()).isTrue();
        assertThat(number(fills.group(1)) + number(fills.group(2)) + number(fills.group(3)) + number(fills.group(4)))
                .isEqualTo(number(all.group(1)));
    }

    @Test
    void insuranceFundPage() throws Exception {
        assertThat(load("/insurance-fund").dom()).contains("VENUE-A-USDT").contains("Bankruptcy-loss draws").contains("<polyline");
    }

    @Test
    void excessEquityPage() throws Exception {
        assertThat(load("/excess-equity").dom()).contains("Kept by the fund").contains("≥ 100,000");
    }

    @Test
    void liquidationPricesPage() throws Exception {
        assertThat(load("/liquidation-prices").dom()).contains("BTCUSDT").contains(" bp<");
    }

    @Test
    void registerPageWithoutDelay() throws Exception {
        assertThat(load("/register").dom()).contains("/api/v1/ledger/proof/inclusion?sequence=").doesNotContain("acct-");
    }

    @Test
    void methodologyPage() throws Exception {
        assertThat(load("/methodology").dom()).contains("How to verify a liquidation yourself").contains("/disclosures/verifier.jar");
    }

    @Test
    void theFrontDoorAndAProblemPageReadAsPagesInABrowser() throws Exception {
        String root = base.toString().replaceAll("/$", "");
        HeadlessChromium.Load landing = HeadlessChromium.load(root + "/", Path.of("target/screenshots/frontdoor-landing.png"));
        assertThat(landing.console()).isEmpty();
        assertThat(landing.dom()).contains("<h1>Liquidation Audit</h1>").contains("id=\"tree-size\"");
        // What the browser itself sends (its own Accept) decides: a bad period and a stale link read as pages.
        HeadlessChromium.Load bad = HeadlessChromium.load(root + "/disclosures?period=2026-13",
                Path.of("target/screenshots/problem-bad-period.png"));
        assertThat(bad.console()).as("console (the 400 itself aside)").allSatisfy(m -> assertThat(m).contains("400"));
        assertThat(bad.dom()).contains("400 · Invalid request").contains("<dt>period</dt>");
        HeadlessChromium.Load missing = HeadlessChromium.load(root + "/disclosures/no-such-page",
                Path.of("target/screenshots/problem-not-found.png"));
        assertThat(missing.dom()).contains("404 · Not Found");
    }

    @Test
    void aPeriodWithoutDataSaysSoPlainly() throws Exception {
        String url = base.toString().replaceAll("/$", "") + "/disclosures?period=1999";
        HeadlessChromium.Load load = HeadlessChromium.load(url, Path.of("target/screenshots/disclosures-empty.png"));
        assertThat(load.console()).isEmpty();
        assertThat(load.dom()).contains("No liquidation is recorded for this period");
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }
}
