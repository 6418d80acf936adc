package io.liqaudit.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Operators watch Prometheus: ingest, refusals, sign-ins, the log, the tamper audit and
 * verification runs are exported with conventional names and move when the service works; the
 * sample alerting rules pass promtool and name only metrics the service exports.
 */
@QuarkusTest
class OperationsMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

    @Test
    void domainMetricsMoveWithTheWork() throws Exception {
        String venue = "METRICS-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Double> before = scrape();
        work(venue);

        Map<String, Double> after = scrape();
        assertThat(delta(before, after, "liqaudit_events_recorded_total{venue=\"" + venue + "\",verdict=\"CONSISTENT\"}")).isEqualTo(1);
        assertThat(delta(before, after, "liqaudit_events_recorded_total{venue=\"" + venue + "\",verdict=\"DISCREPANT\"}")).isEqualTo(1);
        assertThat(delta(before, after, "liqaudit_events_duplicates_total{venue=\"" + venue + "\"}")).isEqualTo(1);
        assertThat(delta(before, after, "liqaudit_events_conflicts_total{venue=\"" + venue + "\"}")).isEqualTo(1);
        assertThat(delta(before, after, "liqaudit_items_invalid_total")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "liqaudit_signin_failures_total{reason=\"refused\"}")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "liqaudit_ingest_batch_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(after).containsKey("liqaudit_ingest_batch_seconds_bucket{le=\"+Inf\"}").containsKey("liqaudit_ingest_queue_events")
                .containsKey("liqaudit_verification_runs_running").containsKey("liqaudit_verification_events_total")
                .containsKey("liqaudit_tamper_audit_last_tampered").containsKey("liqaudit_tamper_audit_last_finished_timestamp_seconds");
        long logSize = given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize");
        assertThat(after.get("liqaudit_log_entries")).isGreaterThanOrEqualTo(logSize);
        assertThat(after.get("liqaudit_checkpoint_tree_size")).isPositive();
        assertThat(after.get("liqaudit_checkpoint_age_seconds")).isBetween(0.0, 600.0);
    }

    @Test
    void theAlertingRulesPassPromtoolAndNameOnlyExportedMetrics() throws Exception {
        work("ALERTS-" + UUID.randomUUID().toString().substring(0, 8)); // labelled series exist once something happened
        Path rules = Path.of("ops/prometheus-alerts.yml");
        String text = Files.readString(rules);
        Set<String> exported = new TreeSet<>();
        scrape().keySet().forEach(k -> exported.add(k.replaceAll("\\{.*", "")));
        Matcher names = Pattern.compile("\\bliqaudit_[a-z_]+").matcher(text);
        Set<String> named = new TreeSet<>();
        while (names.find()) {
            named.add(names.group());
        }
        assertThat(named).hasSizeGreaterThanOrEqualTo(6);
        assertThat(exported).as("every metric an alert names is exported").containsAll(named);
        assertThat(text).contains("LiqauditCheckpointStale").contains("LiqauditTamperAuditFoundChanges")
                .contains("LiqauditDiscrepancyRateJump");

        Process promtool = new ProcessBuilder("promtool", "check", "rules", rules.toString()).redirectErrorStream(true).start();
        String out = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor()).as(out).isZero();
        assertThat(out).contains("SUCCESS: 9 rules found");
    }

    /** One batch with an event of each verdict, a duplicate, a conflict and an invalid item; one refused sign-in. */
    private static void work(String venue) throws InterruptedException {
        ObjectNode consistent = TestEvents.fresh("consistent#4").put("venue", venue);
        ObjectNode discrepant = TestEvents.fresh("defect:fee#46").put("venue", venue);
        ObjectNode conflicting = consistent.deepCopy().put("occurredAt", "2026-01-02T03:04:05Z");
        String batch = "{\"events\":[" + consistent + "," + discrepant + "," + consistent + "," + conflicting + ",{\"venue\":5}]}";
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch).post("/api/v1/liquidations/batch").then().statusCode(200);
        given().auth().preemptive().basic("no-such-user", "wrong-password-1").get("/api/v1/liquidations").then().statusCode(401);
        Thread.sleep(1000); // the log's gauges refresh every 300 ms in tests
    }

    /** Every sample of the Prometheus text, by name and labels (written without the exporter's trailing comma). */
    private static Map<String, Double> scrape() {
        String text = TestUsers.as(Roles.ADMIN).accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> out = new HashMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2).replace(",}", "}")), Double.parseDouble(m.group(3)));
        }
        return out;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).as("exported: " + sample).containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }
}
