package io.liqaudit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Definitions and data agree: every file in reports/ is a report the service makes, and every row
 * each report's query gives has exactly the defined columns, each of its type and nullability —
 * over every public vector (all verdicts, outcomes and optional fields), so a column added to the
 * query and not to the dictionary, or the reverse, fails here.
 */
@QuarkusTest
class ReportDefinitionsTest {

    @Inject
    RegisterQueries register;

    @Inject
    DiscrepancyQueries discrepancies;

    @Inject
    FundStatementQueries fundStatement;

    @Inject
    LiquidationPriceQueries prices;

    @Inject
    AttestationQueries attestation;

    @Test
    void everyDefinitionFileIsAReportAndEveryReportHasItsFile() throws IOException {
        Set<String> files = new HashSet<>();
        try (Stream<Path> list = Files.list(Path.of("reports"))) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(ReportCatalog.IDS.stream().map(id -> id + ".json").toList());
        assertThat(ReportCatalog.all()).allSatisfy(d -> {
            assertThat(d.columns()).isNotEmpty();
            assertThat(d.columns()).allSatisfy(c -> assertThat(c.description()).isNotBlank());
            assertThat(new HashSet<>(d.columnNames())).hasSameSizeAs(d.columnNames());
        });
    }

    @Test
    void everyRegisterRowHasTheDefinedColumnsEachOfItsTypeAndNullability() {
        String venue = "DEF-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<com.fasterxml.jackson.databind.node.ObjectNode> all = TestEvents.all();
        for (int i = 0; i < all.size(); i++) {
            batch.append(i > 0 ? "," : "").append(all.get(i).put("venue", venue));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        ReportSource.Pin pin = new ReportSource.Pin(Long.MAX_VALUE, OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        ReportSource.Scope scope = new ReportSource.Scope(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), venue);
        List<List<Object>> rows = register.page(pin, scope, -1, 1000).await().indefinitely();
        assertThat(rows).hasSize(all.size());
        Set<String> verdicts = conform("liquidation-register", rows, "verdict");
        assertThat(verdicts).as("the vectors hold every verdict").contains("CONSISTENT", "DISCREPANT", "UNVERIFIABLE");

        List<List<Object>> items = discrepancies.page(pin, scope, -1, 1000).await().indefinitely();
        assertThat(items).hasSize(discrepancies.count(pin, scope).await().indefinitely().intValue());
        assertThat(conform("discrepancies", items, "kind")).containsExactlyInAnyOrder("FINDING", "DIFFERENCE", "UNVERIFIABLE");

        List<List<Object>> days = new java.util.ArrayList<>();
        for (Long after = -1L; after != null;) {
            ReportSource.Page page = fundStatement.next(pin, scope, after, 1000).await().indefinitely();
            days.addAll(page.rows());
            after = page.next();
        }
        assertThat(days).isNotEmpty();
        assertThat(conform("fund-statement", days, "balanced")).contains("true", "false");

        List<List<Object>> symbols = all(prices, pin, scope);
        assertThat(symbols).hasSize(prices.count(pin, scope).await().indefinitely().intValue());
        assertThat(conform("liquidation-prices", symbols, "venue")).containsExactly(venue);
        assertThat(symbols.stream().mapToLong(r -> (Long) r.get(2)).sum()).isEqualTo(all.size());
    }

    @Test
    void everyAttestationRowHasTheDefinedColumns() throws InterruptedException {
        // Events (recomputed, then checkpointed), a finished tamper audit and re-verification run: every kind of row.
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<com.fasterxml.jackson.databind.node.ObjectNode> some = TestEvents.all().subList(0, 3);
        for (int i = 0; i < some.size(); i++) {
            batch.append(i > 0 ? "," : "").append(some.get(i).put("venue", "ATT-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        long audit = TestUsers.as(Roles.AUDITOR).contentType("application/json").post("/api/v1/ledger/audit").then().statusCode(202).extract().jsonPath()
                .getLong("id");
        long run = TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"venue\": \"NO-EVENTS-HERE\"}")
                .post("/api/v1/verification/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        for (int i = 0; i < 300 && (TestUsers.as(Roles.AUDITOR).get("/api/v1/ledger/audit/" + audit).jsonPath()
                .getString("status").equals("RUNNING") || TestUsers.as(Roles.AUDITOR).get("/api/v1/verification/runs/" + run)
                .jsonPath().getString("status").equals("RUNNING")); i++) {
            Thread.sleep(100);
        }
        // Pinned now, as a run is: checkpoints signed and audits finished from here on do not change what is counted.
        ReportSource.Pin pin = new ReportSource.Pin(io.restassured.RestAssured.given().get("/api/v1/ledger/checkpoint").jsonPath()
                .getLong("treeSize"), OffsetDateTime.now(ZoneOffset.UTC));
        ReportSource.Scope scope = new ReportSource.Scope(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2),
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), null);
        List<List<Object>> rows = all(attestation, pin, scope);
        assertThat(rows).hasSize(attestation.count(pin, scope).await().indefinitely().intValue());
        assertThat(conform("integrity-attestation", rows, "kind")).contains("CHECKPOINT", "AUDIT", "RUN", "ENGINE");
    }

    /** Every page of a report, at a small page size so that paging itself is exercised. */
    private static List<List<Object>> all(ReportSource source, ReportSource.Pin pin, ReportSource.Scope scope) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Long after = -1L; after != null;) {
            ReportSource.Page page = source.next(pin, scope, after, 7).await().indefinitely();
            rows.addAll(page.rows());
            after = page.next();
        }
        return rows;
    }

    /** Every row has the report's columns, each of its type and nullability; answers the values of one column. */
    private static Set<String> conform(String reportId, List<List<Object>> rows, String column) {
        ReportDefinition d = ReportCatalog.find(reportId).orElseThrow();
        Set<String> seen = new HashSet<>();
        for (List<Object> row : rows) {
            assertThat(row).hasSameSizeAs(d.columns());
            for (int i = 0; i < row.size(); i++) {
                ReportDefinition.Column c = d.columns().get(i);
                Object v = row.get(i);
                if (v == null) {
                    assertThat(c.nullable()).as("%s.%s is null but not nullable", reportId, c.name()).isTrue();
                    continue;
                }
                Class<?> expected = switch (c.type()) {
                    case INTEGER -> Long.class;
                    case DECIMAL -> BigDecimal.class;
                    case LIST -> List.class;
                    case TEXT, TIMESTAMP, HEX -> String.class;
                };
                assertThat(v).as(reportId + "." + c.name()).isInstanceOf(expected);
            }
            seen.add((String) row.get(d.columnNames().indexOf(column)));
        }
        return seen;
    }
}
