package io.liqaudit.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.ledger.merkle.MerkleVerifier;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a regulator does, over HTTP and without signing in: rebuild a leaf, prove it in a signed checkpoint. */
@QuarkusTest
public class LedgerProofsTest {

    static final HexFormat HEX = HexFormat.of();

    /** Waits (up to 10 s) for a signed checkpoint of at least this tree size. */
    public static Response latestCheckpointCovering(long size) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Response r = given().get("/api/v1/ledger/checkpoint");
            if (r.statusCode() == 200 && r.jsonPath().getLong("treeSize") >= size) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint covers size " + size);
    }

    @Test
    void anEventIsProvenInASignedCheckpointFromItsOwnJson() throws Exception {
        ObjectNode event = TestEvents.fresh("defect:mark#50");
        // A decimal sent as a JSON number must give the same leaf as its string.
        String body = event.toString().replace("\"collateral\":\"12.54\"", "\"collateral\":12.540");
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(body).post("/api/v1/liquidations")
                .then().statusCode(201);
        JsonNode stored = ExactDecimalJson.newMapper().readTree(TestUsers.as(Roles.REGULATOR)
                .get("/api/v1/liquidations/" + event.get("venue").asText() + "/" + event.get("eventId").asText()).asString());
        long sequence = stored.get("sequence").asLong();

        byte[] leaf = LeafContent.leafHashOf(stored); // version 2: the served record carries the account's salt
        assertThat(HEX.formatHex(leaf)).as("the leaf rebuilt from the served JSON").isEqualTo(stored.get("leafHash").asText());

        Response checkpoint = latestCheckpointCovering(sequence + 1);
        long treeSize = checkpoint.jsonPath().getLong("treeSize");
        Response key = given().get("/api/v1/ledger/public-key");
        key.then().statusCode(200).body("algorithm", equalTo("Ed25519"));
        byte[] publicKey = Base64.getDecoder().decode(key.jsonPath().getString("key"));
        SignedNote.Checkpoint signed = SignedNote.verify(checkpoint.jsonPath().getString("note"),
                key.jsonPath().getString("keyName"), publicKey);
        assertThat(signed.treeSize()).isEqualTo(treeSize);
        assertThat(HEX.formatHex(signed.rootHash())).isEqualTo(checkpoint.jsonPath().getString("rootHash"));

        Response proof = given().queryParam("sequence", sequence).queryParam("treeSize", treeSize)
                .get("/api/v1/ledger/proof/inclusion");
        proof.then().statusCode(200).body("leafHash", equalTo(HEX.formatHex(leaf)));
        List<byte[]> path = proof.jsonPath().getList("auditPath", String.class).stream().map(HEX::parseHex).toList();
        assertThat(MerkleVerifier.verifyInclusion(sequence, treeSize, leaf, path, signed.rootHash())).isTrue();
        byte[] otherLeaf = LeafContent.leafHashOf(((ObjectNode) stored.deepCopy()).put("recordedAt", "2000-01-01T00:00:00.000000Z"));
        assertThat(MerkleVerifier.verifyInclusion(sequence, treeSize, otherLeaf, path, signed.rootHash())).isFalse();

        // The offline verifier reaches the same verdict from the four documents alone.
        var mapper = ExactDecimalJson.newMapper();
        JsonNode proofJson = mapper.readTree(proof.asString());
        JsonNode checkpointJson = mapper.readTree(checkpoint.asString());
        JsonNode keyJson = mapper.readTree(key.asString());
        assertThat(OfflineVerifier.check(stored, proofJson, checkpointJson, keyJson).valid()).isTrue();
        ObjectNode changed = stored.deepCopy();
        ((ObjectNode) changed.get("input").get("position")).put("collateral", "12.55");
        assertThat(OfflineVerifier.check(changed, proofJson, checkpointJson, keyJson).reason()).contains("was changed");
        ObjectNode forged = checkpointJson.deepCopy();
        forged.put("note", checkpointJson.get("note").asText().replaceFirst("\\n\\d+\\n", "\n" + (treeSize + 1) + "\n"));
        assertThat(OfflineVerifier.check(stored, proofJson, forged, keyJson).reason()).contains("does not verify");
    }

    @Test
    void laterCheckpointsAreConsistentWithEarlierOnes() throws Exception {
        Response first = latestCheckpointCovering(1);
        long size1 = first.jsonPath().getLong("treeSize");
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(TestEvents.fresh("consistent#1").toString())
                .post("/api/v1/liquidations").then().statusCode(201);
        Response second = latestCheckpointCovering(size1 + 1);
        long size2 = second.jsonPath().getLong("treeSize");
        given().queryParam("treeSize", size1).get("/api/v1/ledger/checkpoint").then().statusCode(200)
                .body("rootHash", equalTo(first.jsonPath().getString("rootHash")));

        Response proof = given().queryParam("from", size1).queryParam("to", size2).get("/api/v1/ledger/proof/consistency");
        proof.then().statusCode(200);
        List<byte[]> hashes = proof.jsonPath().getList("proof", String.class).stream().map(HEX::parseHex).toList();
        assertThat(MerkleVerifier.verifyConsistency(size1, size2, HEX.parseHex(first.jsonPath().getString("rootHash")),
                HEX.parseHex(second.jsonPath().getString("rootHash")), hashes)).isTrue();
    }

    @Test
    void impossibleProofRequestsAreRefused() {
        given().queryParam("sequence", 5).queryParam("treeSize", 5).get("/api/v1/ledger/proof/inclusion")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("from", 0).queryParam("to", 1).get("/api/v1/ledger/proof/consistency").then().statusCode(400);
        given().queryParam("from", 1).queryParam("to", Long.MAX_VALUE).get("/api/v1/ledger/proof/consistency").then().statusCode(400);
        given().queryParam("treeSize", Long.MAX_VALUE).get("/api/v1/ledger/checkpoint").then().statusCode(404);
    }
}
