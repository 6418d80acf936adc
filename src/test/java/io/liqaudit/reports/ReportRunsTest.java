package io.liqaudit.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A supervisor runs the liquidation register, downloads its package and checks it offline; the
 * same run again gives the same data files; a package changed in any file, or re-signed by
 * another key, is refused; bad requests are named, never an empty file that looks like a result.
 */
@QuarkusTest
class ReportRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String recordVenue(int events) throws InterruptedException {
        String venue = "REP-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<ObjectNode> all = TestEvents.all();
        for (int i = 0; i < events; i++) {
            batch.append(i > 0 ? "," : "").append(all.get(i).put("venue", venue).put("occurredAt",
                    "2026-04-0" + (1 + i % 9) + "T10:00:00.000000Z"));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        long size = TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("limit", 1).get("/api/v1/liquidations")
                .jsonPath().getLong("items[0].sequence") + 1;
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") < size; i++) {
            Thread.sleep(100);
        }
        return venue;
    }

    private static JsonNode runToTheEnd(String body) throws Exception {
        return runToTheEnd("liquidation-register", body);
    }

    private static JsonNode runToTheEnd(String report, String body) throws Exception {
        Response started = TestUsers.as(Roles.REGULATOR).contentType("application/json").body(body)
                .post("/api/v1/reports/" + report + "/runs");
        started.then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("RUNNING"));
        String location = started.getHeader("Location");
        for (int i = 0; i < 200; i++) {
            JsonNode run = JSON.readTree(TestUsers.as(Roles.REGULATOR).get(location).then().statusCode(200).extract().asString());
            if (!run.get("status").asText().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish");
    }

    private static byte[] download(JsonNode run) {
        return TestUsers.as(Roles.REGULATOR).get(run.get("packageUrl").asText()).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
    }

    @Test
    void aRegisterPackageVerifiesOfflineAndTheSameRunGivesTheSameData() throws Exception {
        String venue = recordVenue(40);
        JsonNode run = runToTheEnd("{\"period\": \"2026-04\", \"venue\": \"" + venue + "\"}");
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
        assertThat(run.get("rows").asLong()).isEqualTo(40);
        byte[] zip = download(run);
        assertThat(ManifestNote.sha256(zip)).isEqualTo(run.get("packageSha256").asText());
        Path file = Files.createTempFile("register", ".zip");
        Files.write(file, zip);
        PackageVerifier.Result verdict = PackageVerifier.check(file);
        assertThat(verdict.valid()).as(verdict.reason()).isTrue();
        assertThat(verdict.reason()).contains("40 rows").contains("9 files match").contains("32 sampled rows proven");

        Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).containsExactly("proofs.jsonl", "dictionary.json", "checkpoint.json", "public-key.json",
                "liquidation-register.csv", "liquidation-register.jsonl", "liquidation-register.pdf", "manifest.json",
                "manifest.sig");
        String pdf = pdfText(files.get("liquidation-register.pdf"));
        assertThat(pdf).contains("Liquidation register").contains("Rows by verdict").contains("Dictionary").contains("leafHash")
                .contains(venue);
        String csv = new String(files.get("liquidation-register.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith(String.join(",", ReportCatalog.find("liquidation-register").orElseThrow().columnNames()));
        assertThat(csv.split("\r\n")).hasSize(41);
        assertThat(new String(files.get("liquidation-register.jsonl"), StandardCharsets.UTF_8).split("\n")).hasSize(40);

        // Pinned: more events of the venue later, and the same checkpoint's data are what they were.
        JsonNode again = runToTheEnd("{\"period\": \"2026-04\", \"venue\": \"" + venue + "\"}");
        Map<String, byte[]> second = unzip(download(again));
        if (again.get("treeSize").asLong() == run.get("treeSize").asLong()) {
            assertThat(second.get("liquidation-register.csv")).isEqualTo(files.get("liquidation-register.csv"));
            assertThat(second.get("liquidation-register.jsonl")).isEqualTo(files.get("liquidation-register.jsonl"));
        }
        assertThat(new String(second.get("liquidation-register.csv"), StandardCharsets.UTF_8)).isEqualTo(csv);

        // Any change is refused.
        assertThat(refusal(rezip(files, "liquidation-register.csv", t -> t.replaceFirst(",VENUE", ",VENUX")
                .replaceFirst(",REP-", ",REQ-")))).contains("liquidation-register.csv was changed");
        assertThat(refusal(rezip(files, "manifest.json", t -> t.replace("\"rows\" : 40", "\"rows\" : 41"))))
                .contains("manifest.json is not the manifest the signature covers");
        Map<String, byte[]> withoutProofs = new LinkedHashMap<>(files);
        withoutProofs.remove("proofs.jsonl");
        assertThat(refusal(zipOf(withoutProofs))).contains("no proofs.jsonl");
        assertThat(refusal(rezip(files, "public-key.json", t -> t.replaceFirst("\"key\" : \"(.)", "\"key\" : \"B"))))
                .isNotEmpty();
    }

    @Test
    void aDiscrepanciesPackageListsEachFindingAndDifferenceAndVerifies() throws Exception {
        String venue = recordVenue(30);
        JsonNode run = runToTheEnd("discrepancies", "{\"period\": \"2026-04\", \"venue\": \"" + venue + "\"}");
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
        Path file = Files.createTempFile("discrepancies", ".zip");
        Files.write(file, download(run));
        PackageVerifier.Result verdict = PackageVerifier.check(file);
        assertThat(verdict.valid()).as(verdict.reason()).isTrue();
        String csv = new String(unzip(Files.readAllBytes(file)).get("discrepancies.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("sequence,leafHash,venue,eventId").contains(",FINDING,").contains(",DIFFERENCE,");
        assertThat(csv.split("\r\n")).hasSize(1 + (int) run.get("rows").asLong());
    }

    @Test
    void aFundStatementPackageVerifies() throws Exception {
        String venue = recordVenue(20);
        JsonNode run = runToTheEnd("fund-statement", "{\"period\": \"2026-04\", \"venue\": \"" + venue + "\"}");
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
        Path file = Files.createTempFile("statement", ".zip");
        Files.write(file, download(run));
        PackageVerifier.Result verdict = PackageVerifier.check(file);
        assertThat(verdict.valid()).as(verdict.reason()).isTrue();
        String csv = new String(unzip(Files.readAllBytes(file)).get("fund-statement.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("fundId,day,openingBalance").contains(",2026-04-0");
    }

    @Test
    void aPricesPackageHasThePublicDisclosuresFiguresPerSymbolAndVerifies() throws Exception {
        String venue = recordVenue(40);
        JsonNode run = runToTheEnd("liquidation-prices", "{\"period\": \"2026-04\", \"venue\": \"" + venue + "\"}");
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
        Path file = Files.createTempFile("prices", ".zip");
        Files.write(file, download(run));
        PackageVerifier.Result verdict = PackageVerifier.check(file);
        assertThat(verdict.valid()).as(verdict.reason()).isTrue();
        List<String> columns = ReportCatalog.find("liquidation-prices").orElseThrow().columnNames();
        Map<String, JsonNode> bySymbol = new LinkedHashMap<>();
        for (String line : new String(unzip(Files.readAllBytes(file)).get("liquidation-prices.jsonl"), StandardCharsets.UTF_8)
                .split("\n")) {
            JsonNode row = JSON.readTree(line);
            assertThat(row.get("venue").asText()).isEqualTo(venue);
            assertThat(row.get("consistent").asLong() + row.get("discrepant").asLong() + row.get("unverifiable").asLong())
                    .isEqualTo(row.get("events").asLong());
            bySymbol.put(row.get("symbol").asText(), row);
        }
        assertThat(bySymbol.values().stream().mapToLong(r -> r.get("events").asLong()).sum()).isEqualTo(40);
        assertThat(columns).startsWith("venue", "symbol");
        // The public page's table of the same venue and month, figure by figure (same per-event rule).
        String[] published = given().queryParam("period", "2026-04").queryParam("venue", venue).queryParam("table", "by-symbol")
                .get("/disclosures/liquidation-prices.csv").then().statusCode(200).extract().asString().split("\n");
        assertThat(published).hasSize(1 + bySymbol.size());
        String[] pairs = {"liquidations_with_both_prices:priceDistanceEvents", "mean_distance_bps:meanPriceDistanceBps",
            "median_distance_bps_at_most:p50PriceDistanceBps", "p95_distance_bps_at_most:p95PriceDistanceBps",
            "fund_paid_count:fundDrawEvents", "fund_paid_amount:fundDraws", "equity_left_count:excessEquityEvents",
            "kept_by_fund:excessEquityToFund", "returned_to_traders:excessEquityToTrader", "mark_vs_last_mean_bps:meanMarkLastBps"};
        List<String> header = List.of(published[0].split(","));
        for (int i = 1; i < published.length; i++) {
            String[] cells = published[i].split(",", -1);
            JsonNode row = bySymbol.get(cells[0]);
            assertThat(row).as("symbol " + cells[0]).isNotNull();
            for (String pair : pairs) {
                String ours = row.get(pair.split(":")[1]).isNull() ? "" : row.get(pair.split(":")[1]).asText();
                String theirs = cells[header.indexOf(pair.split(":")[0])];
                assertThat(ours.isEmpty() ? ours : new java.math.BigDecimal(ours).stripTrailingZeros().toPlainString())
                        .as(cells[0] + " " + pair).isEqualTo(theirs.isEmpty() ? theirs
                                : new java.math.BigDecimal(theirs).stripTrailingZeros().toPlainString());
            }
        }
    }

    @Test
    void anAttestationPackageProvesEachCheckpointExtendsTheOneBefore() throws Exception {
        recordVenue(3);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonNode run = runToTheEnd("integrity-attestation", "{\"period\": \"" + today + "\"}");
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
        Path file = Files.createTempFile("attestation", ".zip");
        Files.write(file, download(run));
        PackageVerifier.Result verdict = PackageVerifier.check(file);
        assertThat(verdict.valid()).as(verdict.reason()).isTrue();
        assertThat(verdict.reason()).containsPattern("[1-9][0-9]* checkpoints signed and each proven to extend the one before");
        Map<String, byte[]> files = unzip(Files.readAllBytes(file));
        List<String> lines = List.of(new String(files.get("integrity-attestation.jsonl"), StandardCharsets.UTF_8).split("\n"));
        JsonNode key = JSON.readTree(files.get("public-key.json"));
        List<String> checkpoints = lines.stream().filter(l -> l.contains("\"kind\":\"CHECKPOINT\"")).toList();
        assertThat(checkpoints.size()).isGreaterThanOrEqualTo(2);
        assertThat(attestationFailure(key, checkpoints)).isNull();
        // Each way a checkpoint row can lie is caught, with the signed manifest set aside (as if re-signed).
        List<String> skipped = new java.util.ArrayList<>(checkpoints);
        skipped.remove(1);
        assertThat(attestationFailure(key, skipped)).contains("a checkpoint is missing between them");
        String withProof = checkpoints.stream().filter(l -> !l.contains("\"consistencyProof\":[]")
                && !l.contains("\"consistencyProof\":null")).findFirst().orElseThrow();
        String badProof = withProof.replaceFirst("(\"consistencyProof\":\\[\")(.)", "$1" + "0");
        badProof = badProof.equals(withProof) ? withProof.replaceFirst("(\"consistencyProof\":\\[\")(.)", "$1" + "1") : badProof;
        List<String> forged = new java.util.ArrayList<>(checkpoints);
        forged.set(checkpoints.indexOf(withProof), badProof);
        assertThat(attestationFailure(key, forged)).contains("is not proven to extend");
        List<String> resized = new java.util.ArrayList<>(checkpoints);
        resized.set(0, checkpoints.get(0).replaceFirst("\"treeSize\":(\\d+)", "\"treeSize\":99$1"));
        assertThat(attestationFailure(key, resized)).contains("differs from its signed note");
    }

    private static String attestationFailure(JsonNode key, List<String> lines) {
        AttestationCheck check = new AttestationCheck(key.get("keyName").asText(),
                java.util.Base64.getDecoder().decode(key.get("key").asText()));
        lines.forEach(check::line);
        return check.failure(Long.MAX_VALUE).orElse(null);
    }

    @Test
    void finishedRunsAreListedNewestFirstAPageAtATime() throws Exception {
        String venue = recordVenue(2);
        runToTheEnd("{\"period\": \"2026-04\", \"venue\": \"" + venue + "\"}");
        runToTheEnd("{\"period\": \"2026-04\", \"venue\": \"" + venue + "\"}");
        JsonNode first = JSON.readTree(TestUsers.as(Roles.REGULATOR).queryParam("limit", 1).get("/api/v1/reports/runs")
                .then().statusCode(200).extract().asString());
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("rowsPerSecond").asLong()).as("the run's rate").isPositive();
        JsonNode second = JSON.readTree(TestUsers.as(Roles.REGULATOR).queryParam("limit", 1)
                .queryParam("cursor", first.get("nextCursor").asText()).get("/api/v1/reports/runs")
                .then().statusCode(200).extract().asString());
        assertThat(second.get("items").get(0).get("id").asLong()).isLessThan(first.get("items").get(0).get("id").asLong());
        assertThat(second.get("items").get(0).get("packageUrl").asText()).endsWith("/package");
        TestUsers.as(Roles.REGULATOR).queryParam("cursor", "nonsense").get("/api/v1/reports/runs").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        TestUsers.as(Roles.REGULATOR).queryParam("limit", "0").get("/api/v1/reports/runs").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void badRequestsAreNamedAndNothingEmptyIsMade() throws Exception {
        TestUsers.as(Roles.REGULATOR).get("/api/v1/reports").then().statusCode(200)
                .body("id", hasItem("liquidation-register")).body("[0].columns.name", hasItem("leafHash"));
        TestUsers.as(Roles.REGULATOR).get("/api/v1/reports/no-such-report").then().statusCode(404)
                .contentType("application/problem+json");
        TestUsers.as(Roles.REGULATOR).contentType("application/json").body("{\"period\": \"2026-04\", \"colour\": \"red\"}")
                .post("/api/v1/reports/liquidation-register/runs").then().statusCode(400)
                .body("errors.field", hasItem("colour"));
        TestUsers.as(Roles.REGULATOR).contentType("application/json").body("{\"period\": \"April\"}")
                .post("/api/v1/reports/liquidation-register/runs").then().statusCode(400).body("errors.field", hasItem("period"));
        TestUsers.as(Roles.REGULATOR).contentType("application/json").body("{}")
                .post("/api/v1/reports/liquidation-register/runs").then().statusCode(400).body("errors.field", hasItem("period"));
        TestUsers.as(Roles.REGULATOR).contentType("application/json").body("{\"period\": \"2026\", \"venue\": \"NO-SUCH-VENUE\"}")
                .post("/api/v1/reports/liquidation-register/runs").then().statusCode(422)
                .contentType("application/problem+json");
        TestUsers.as(Roles.REGULATOR).get("/api/v1/reports/runs/999999999/package").then().statusCode(404);
        TestUsers.as(Roles.REGULATOR).contentType("application/json").body("{\"period\": \"2026\", \"venue\": \"A\"}")
                .post("/api/v1/reports/integrity-attestation/runs").then().statusCode(400).body("errors.field", hasItem("venue"));
        TestUsers.as(Roles.REGULATOR).contentType("application/json").body("{\"period\": \"1999\"}")
                .post("/api/v1/reports/integrity-attestation/runs").then().statusCode(422);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    private static String refusal(byte[] zip) throws IOException {
        Path file = Files.createTempFile("register", ".zip");
        Files.write(file, zip);
        PackageVerifier.Result r = PackageVerifier.check(file);
        assertThat(r.valid()).as(r.reason()).isFalse();
        return r.reason();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] rezip(Map<String, byte[]> files, String name, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        String before = new String(files.get(name), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the change applies to " + name).isNotEqualTo(before);
        changed.put(name, after.getBytes(StandardCharsets.UTF_8));
        return zipOf(changed);
    }

    private static byte[] zipOf(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

}
