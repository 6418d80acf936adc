package io.liqaudit.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.demo.DemoEvents;
import io.liqaudit.portal.Browser;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * Every public page, as a person sees it at a desktop's 1280 px and a phone's 390 px: the page
 * never scrolls sideways (wide tables scroll inside their own box), and no two labels of a chart
 * overlap (their text boxes, as Chromium lays them out, are compared pairwise), and nothing is
 * written to the console (a script error, a refused style or image, a CSP report).
 */
@QuarkusTest
class DisclosureLayoutTest {

    private static final List<String> PAGES = List.of("/", "/disclosures?period=2026", "/disclosures?period=2026-01",
            "/disclosures/insurance-fund?period=2026", "/disclosures/insurance-fund?period=2026-01",
            "/disclosures/excess-equity?period=2026", "/disclosures/liquidation-prices?period=2026",
            "/disclosures/register?period=2026", "/disclosures/methodology", "/disclosures/quarterly?period=2026-Q1",
            "/disclosures/quarterly?period=2026", "/disclosures/rules");

    /** Pages that answer a problem on purpose: Chromium reports their status on the console, and nothing else may be there. */
    private static final List<String> PROBLEMS = List.of("/disclosures?period=2026-13", "/disclosures/register/NO-VENUE/no-event");

    /** Pairs of text elements, within one chart, whose boxes intersect: none is allowed. */
    private static final String OVERLAPS = """
            const out = [];
            for (const svg of document.querySelectorAll('svg')) {
              const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
              for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const [a, p] = boxes[i], [b, q] = boxes[j];
                if (p.width > 0 && q.width > 0 && p.left < q.right - 0.5 && q.left < p.right - 0.5
                    && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) out.push(a + ' / ' + b);
              }
            }
            return out;""";

    @TestHTTPResource("/")
    URL base;

    @Test
    void noPageScrollsSidewaysAndNoChartLabelsOverlapOnADesktopOrAPhone() throws Exception {
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<com.fasterxml.jackson.databind.JsonNode> events = DemoEvents.generate(2026, 300);
        for (int i = 0; i < events.size(); i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) events.get(i)).put("eventId", "layout-" + i);
            batch.append(i > 0 ? "," : "").append(events.get(i));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        io.liqaudit.ledger.LedgerProofsTest.latestCheckpointCovering(events.size());
        // A venue's published rules, so the rules page has a tier table and chart to lay out.
        int published = TestUsers.as(Roles.RULEKEEPER).contentType("application/json")
                .body(java.nio.file.Files.readString(java.nio.file.Path.of("docs/examples/rule-set.json")))
                .post("/api/v1/venues/LAYOUT-RULES/rule-sets").statusCode();
        org.assertj.core.api.Assertions.assertThat(published).isIn(200, 201);
        String entry = "/disclosures/register/" + events.get(0).get("venue").asText() + "/layout-0";
        List<String> pages = new java.util.ArrayList<>(PAGES);
        pages.add(entry);
        pages.addAll(PROBLEMS);
        try (Browser browser = new Browser(base.toString())) {
            for (int width : new int[] {1280, 390}) {
                browser.driver().manage().window().setSize(new Dimension(width, 900));
                for (String page : pages) {
                    browser.open(page);
                    List<String> console = browser.consoleMessages().stream()
                            .filter(m -> !(PROBLEMS.contains(page)
                                    && m.contains("Failed to load resource: the server responded with a status of")))
                            .toList();
                    assertThat(console).as("console messages on %s at %d px", page, width).isEmpty();
                    assertThat(browser.overflows()).as("%s at %d px scrolls sideways", page, width).isFalse();
                    @SuppressWarnings("unchecked")
                    List<String> overlapping = (List<String>) browser.driver().executeScript(OVERLAPS);
                    assertThat(overlapping).as("overlapping chart labels on %s at %d px", page, width).isEmpty();
                    if (width == 1280) { // on a desktop even the widest table fits, without its own scroll bar
                        Object tight = browser.driver().executeScript("return [...document.querySelectorAll('.table-scroll')]"
                                + ".every(d => d.scrollWidth <= d.clientWidth + 1)");
                        assertThat(tight).as("a table wider than the page on %s at 1280 px", page).isEqualTo(Boolean.TRUE);
                    }
                }
            }
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.open("/disclosures/register?period=2026").screenshots("disclosures-register");
            browser.open("/disclosures/insurance-fund?period=2026-01").screenshots("disclosures-insurance-fund-month");
            browser.open("/disclosures?period=2026-01").screenshots("disclosures-overview-month");
            browser.open("/disclosures/quarterly?period=2026-Q1").screenshots("disclosures-quarterly");
            browser.open("/disclosures/excess-equity?period=2026").screenshots("disclosures-excess-equity");
            browser.open("/disclosures/rules").screenshots("disclosures-rules");
            browser.open(entry).screenshots("disclosures-register-entry");
            assertThat(browser.text()).contains("the proof holds");
        }
    }
}
