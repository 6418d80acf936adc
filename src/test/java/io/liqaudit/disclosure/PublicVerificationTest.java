package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A member of the public verifies a published liquidation with nothing but what the site offers:
 * the register entry publishes its leaf's preimage (no account in it, only a salted commitment),
 * its proof document, and the offline verifier as one jar; run as a separate program, the jar accepts
 * the real document and refuses one whose preimage was altered, checks that the log only grew
 * between two checkpoints (and refuses a forged consistency proof), and accepts an auditor's full
 * record, whose salt ties the leaf to the account.
 */
@QuarkusTest
class PublicVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDownloadedVerifierChecksAPublishedEntryAndTheLogsGrowth() throws Exception {
        String venue = "VERIFY-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode e = TestEvents.fresh("consistent#14");
        e.put("venue", venue).put("occurredAt", "2026-04-05T06:07:08Z");
        String account = e.get("accountRef").asText();
        String eventId = e.get("eventId").asText();
        long sequence = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                .then().statusCode(201).extract().jsonPath().getLong("sequence");
        long first = signedBeyond(sequence);

        String page = given().get("/disclosures/register/" + venue + "/" + eventId).then().statusCode(200).extract().asString();
        assertThat(page).contains("it gives the leaf").contains("accountCommitment").doesNotContain(account)
                .contains("/disclosures/register/" + venue + "/" + eventId + "/proof.json").contains("/disclosures/verifier.jar");

        Path dir = Files.createTempDirectory("public-verifier");
        Path jar = dir.resolve("liqaudit-verifier.jar");
        Files.write(jar, given().get("/disclosures/verifier.jar").then().statusCode(200).contentType("application/java-archive")
                .extract().asByteArray());
        String document = given().get("/disclosures/register/" + venue + "/" + eventId + "/proof.json").then().statusCode(200)
                .extract().asString();
        assertThat(document).doesNotContain(account);
        Path proof = write(dir, "proof.json", document);
        Path key = write(dir, "key.json", given().get("/api/v1/ledger/public-key").then().statusCode(200).extract().asString());

        assertThat(run(jar, "entry", proof)).startsWith("0 valid: event " + venue + "/" + eventId + " is leaf " + sequence);
        assertThat(run(jar, "entry", proof, key)).startsWith("0 valid:");
        // One digit of the published fills changed: the preimage no longer gives the proven leaf.
        ObjectNode altered = (ObjectNode) JSON.readTree(document);
        ObjectNode fill = (ObjectNode) altered.path("preimage").path("input").path("fills").get(0);
        fill.put("price", fill.path("price").asText() + "1");
        assertThat(run(jar, "entry", write(dir, "altered.json", altered.toString())))
                .isEqualTo("1 invalid: the event's content does not hash to the proven leaf (it was changed)");

        // The auditor's full record, with its salt, is the same leaf, and the salt ties it to the account.
        JsonNode record = JSON.readTree(TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/" + eventId).then()
                .statusCode(200).extract().asString());
        assertThat(record.path("leafSchema").asText()).isEqualTo("liquidation-event/v2");
        assertThat(record.path("input").path("accountRef").asText()).isEqualTo(account);
        JsonNode doc = JSON.readTree(document);
        assertThat(run(jar, "inclusion", write(dir, "event.json", record.toString()), write(dir, "inclusion.json",
                doc.path("inclusion").toString()), write(dir, "checkpoint.json", doc.path("checkpoint").toString()), key))
                .startsWith("0 valid:");
        assertThat(doc.path("preimage").path("accountCommitment").asText()).isEqualTo(io.liqaudit.ledger.LeafContent
                .accountCommitment(java.util.HexFormat.of().parseHex(record.path("accountSalt").asText()), account));

        // The log grows: a later checkpoint extends the first, and a forged proof is refused.
        ObjectNode later = TestEvents.fresh("consistent#4");
        later.put("venue", venue);
        long next = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(later.toString()).post("/api/v1/liquidations")
                .then().statusCode(201).extract().jsonPath().getLong("sequence");
        long second = signedBeyond(next);
        Path older = write(dir, "older.json", given().queryParam("treeSize", first).get("/api/v1/ledger/checkpoint").then()
                .statusCode(200).extract().asString());
        Path newer = write(dir, "newer.json", given().queryParam("treeSize", second).get("/api/v1/ledger/checkpoint").then()
                .statusCode(200).extract().asString());
        String consistency = given().queryParam("from", first).queryParam("to", second).get("/api/v1/ledger/proof/consistency")
                .then().statusCode(200).extract().asString();
        assertThat(run(jar, "consistency", older, newer, write(dir, "consistency.json", consistency), key))
                .isEqualTo("0 valid: the log of size " + second + " extends the log of size " + first + ", both signed by "
                        + JSON.readTree(Files.readString(key)).path("keyName").asText());
        ObjectNode forged = (ObjectNode) JSON.readTree(consistency);
        ArrayNode hashes = (ArrayNode) forged.path("proof");
        hashes.set(0, hashes.get(0).asText().replaceFirst(".", hashes.get(0).asText().startsWith("0") ? "1" : "0"));
        assertThat(run(jar, "consistency", older, newer, write(dir, "forged.json", forged.toString()), key))
                .startsWith("1 invalid: the log of size " + second + " is not an extension of the log of size " + first);
    }

    /** The size of the first signed checkpoint that holds this sequence. */
    private static long signedBeyond(long sequence) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long size = given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize");
            if (size > sequence) {
                return size;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint signed beyond " + sequence);
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Runs the jar as a separate program; answers "exit-code output". */
    private static String run(Path jar, String command, Path... files) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), command));
        for (Path f : files) {
            args.add(f.toString());
        }
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + " " + out;
    }
}
