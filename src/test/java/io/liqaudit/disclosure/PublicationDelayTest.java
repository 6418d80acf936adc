package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With a 24-hour register delay, nothing public says anything about a liquidation before its time:
 * not a page, not a chart, not a CSV row. Events of one venue and fund: one three days old (public),
 * one two hours old and one dated a few minutes ahead (neither public). Every page and every CSV
 * table, asked for the recent events' day, their year and the old event's day, counts only what
 * may be published.
 */
@QuarkusTest
@TestProfile(PublicationDelayTest.Delayed.class)
class PublicationDelayTest {

    public static class Delayed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("liqaudit.disclosure.register-delay", "24h");
        }
    }

    private static final List<String> PAGES = List.of("", "/insurance-fund", "/excess-equity", "/liquidation-prices", "/register",
            "/quarterly");
    private static final Map<String, List<String>> TABLES = Map.of("index", List.of("venues", "series"),
            "insurance-fund", List.of("flows", "balances", "draws", "shortfalls", "reconciliation"),
            "excess-equity", List.of("by-policy", "distribution"), "liquidation-prices", List.of("by-symbol"),
            "register", List.of("register"), "quarterly", List.of("figures"));

    @Test
    void noPageChartOrCsvTellsOfALiquidationBeforeTheDelay() {
        String venue = "DELAY-" + UUID.randomUUID().toString().substring(0, 8);
        String fund = venue + "-FUND";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime old = now.minusDays(3);
        OffsetDateTime recent = now.minusHours(2);
        OffsetDateTime ahead = now.plusMinutes(3);
        List<String> eventIds = new java.util.ArrayList<>();
        for (OffsetDateTime at : List.of(old, recent, ahead)) {
            ObjectNode e = TestEvents.fresh("consistent#5");
            eventIds.add(e.get("eventId").asText());
            e.put("venue", venue).put("occurredAt", Timestamps.format(at));
            ((ObjectNode) e.get("insuranceFund")).put("fundId", fund);
            TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                    .then().statusCode(201);
        }
        LocalDate recentDay = recent.toLocalDate();
        // The recent events' day (and the day ahead): nothing of it is published.
        for (LocalDate day : List.of(recentDay, ahead.toLocalDate())) {
            for (String page : PAGES) {
                // The filters echo what was asked (a selected option); nothing else may name the venue.
                String html = page(page, day.toString(), venue, fund).replace("<option selected>" + venue + "</option>", "")
                        .replace("<option selected>" + fund + "</option>", "");
                assertThat(html).as(page + " on " + day).doesNotContain(venue + "</").doesNotContain(">" + venue + "<");
                if (!page.equals("/register")) {
                    assertThat(html).as(page + " on " + day).contains("nothing of this period is published yet");
                }
            }
            TABLES.forEach((page, tables) -> tables.forEach(table -> {
                List<String> rows = dataRows(page, table, day.toString(), venue, fund);
                if (table.equals("distribution")) { // every bucket is listed, with its count (then the currency)
                    assertThat(rows).as(page + " " + table + " on " + day).allSatisfy(r -> assertThat(r).contains(",0,"));
                } else if (table.equals("figures")) { // every figure is listed; none of them may name the venue or fund
                    assertThat(rows).as(page + " " + table + " on " + day).allSatisfy(r -> assertThat(r).doesNotContain(venue)
                            .doesNotContain(fund).doesNotContain("Insurance fund "));
                } else {
                    assertThat(rows).as(page + " " + table + " on " + day).isEmpty();
                }
            }));
        }
        // The old event's day and the year: the old event only.
        for (String period : List.of(old.toLocalDate().toString(), String.valueOf(old.getYear()))) {
            assertThat(dataRows("index", "venues", period, venue, fund)).as("venues in " + period).hasSize(1)
                    .allSatisfy(row -> assertThat(row.split(",")[1]).isEqualTo("1"));
            assertThat(dataRows("register", "register", period, venue, fund)).as("register in " + period).hasSize(1);
            assertThat(dataRows("index", "series", period, venue, fund)).as("series in " + period)
                    .allSatisfy(row -> assertThat(row).doesNotStartWith(recentDay.toString()));
            assertThat(dataRows("insurance-fund", "balances", period, venue, fund)).as("balances in " + period)
                    .allSatisfy(row -> assertThat(row).doesNotContain(recentDay.toString()));
            assertThat(page("", period, venue, fund)).contains("id=\"liquidations\" class=\"figure\">1<");
        }
        assertThat(page("", String.valueOf(recentDay.getYear()), venue, fund)).contains("Later days are not published yet");
        // A liquidation's own page: the old one is there; the recent one answers as if it did not exist.
        List<String> ids = given().queryParam("period", String.valueOf(old.getYear())).queryParam("venue", venue)
                .queryParam("table", "register").get("/disclosures/register.csv").then().extract().asString().lines().skip(1)
                .filter(l -> !l.isBlank()).toList();
        assertThat(ids).hasSize(1);
        given().get("/disclosures/register/" + venue + "/" + eventIds.get(0)).then().statusCode(200);
        given().get("/disclosures/register/" + venue + "/" + eventIds.get(1)).then().statusCode(404);
        given().get("/disclosures/register/" + venue + "/" + eventIds.get(1) + "/proof.json").then().statusCode(404);
        given().get("/disclosures/register/" + venue + "/" + eventIds.get(2)).then().statusCode(404);
    }

    private static String page(String page, String period, String venue, String fund) {
        return given().queryParam("period", period).queryParam("venue", venue).queryParam("fundId", fund).get("/disclosures" + page)
                .then().statusCode(200).extract().asString();
    }

    /** The CSV's rows after its header, without empty lines. */
    private static List<String> dataRows(String page, String table, String period, String venue, String fund) {
        String csv = given().queryParam("period", period).queryParam("venue", venue).queryParam("fundId", fund)
                .queryParam("table", table).get("/disclosures/" + page + ".csv").then().statusCode(200).extract().asString();
        return csv.lines().skip(1).filter(l -> !l.isBlank()).toList();
    }
}
