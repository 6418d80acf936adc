package io.liqaudit.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.ledger.merkle.MerkleVerifier;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks, with nothing but four JSON documents and without trusting the service, that an event
 * is in the log as signed: rebuilds its leaf, follows its inclusion proof to a root, and checks
 * that root against the checkpoint signed by the published key.
 *
 * <pre>
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" io.liqaudit.ledger.OfflineVerifier \
 *      event.json proof.json checkpoint.json public-key.json
 * </pre>
 * Prints {@code valid: …} and exits 0, or {@code invalid: <reason>} and exits 1.
 */
public final class OfflineVerifier {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** The verdict and why. */
    public record Result(boolean valid, String reason) {
    }

    private OfflineVerifier() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: OfflineVerifier EVENT.json INCLUSION-PROOF.json CHECKPOINT.json PUBLIC-KEY.json");
            System.exit(2);
        }
        Result r = check(read(args[0]), read(args[1]), read(args[2]), read(args[3]));
        System.out.println((r.valid() ? "valid: " : "invalid: ") + r.reason());
        System.exit(r.valid() ? 0 : 1);
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(Path.of(file)));
    }

    /**
     * @param event      the stored event as {@code GET /api/v1/liquidations/{venue}/{eventId}} serves it
     * @param proof      {@code GET /api/v1/ledger/proof/inclusion?sequence=&treeSize=}
     * @param checkpoint {@code GET /api/v1/ledger/checkpoint?treeSize=}
     * @param publicKey  {@code GET /api/v1/ledger/public-key}
     */
    public static Result check(JsonNode event, JsonNode proof, JsonNode checkpoint, JsonNode publicKey) {
        try {
            if (!"Ed25519".equals(publicKey.path("algorithm").asText())) {
                return new Result(false, "the public key is not Ed25519");
            }
            byte[] key = Base64.getDecoder().decode(publicKey.path("key").asText());
            SignedNote.Checkpoint signed = SignedNote.verify(checkpoint.path("note").asText(),
                    publicKey.path("keyName").asText(), key);
            // The signed note is the authority; plain fields beside it that say otherwise would mislead a reader.
            if (checkpoint.has("treeSize") && checkpoint.get("treeSize").asLong() != signed.treeSize()) {
                return new Result(false, "the checkpoint's treeSize is not the tree size its signed note states");
            }
            if (checkpoint.has("rootHash") && !checkpoint.get("rootHash").asText().equals(HEX.formatHex(signed.rootHash()))) {
                return new Result(false, "the checkpoint's rootHash is not the root its signed note states");
            }
            byte[] leaf = LeafContent.leafHash(event.path("venue").asText(), event.path("eventId").asText(),
                    event.path("recordedAt").asText(), event.path("input"));
            long sequence = proof.path("sequence").asLong(-1);
            long treeSize = proof.path("treeSize").asLong(-1);
            if (event.has("sequence") && event.get("sequence").asLong() != sequence) {
                return new Result(false, "the proof is for sequence " + sequence + ", the event is at " + event.get("sequence").asLong());
            }
            if (treeSize != signed.treeSize()) {
                return new Result(false, "the proof is for tree size " + treeSize + ", the checkpoint signs size " + signed.treeSize());
            }
            if (!HEX.formatHex(leaf).equals(proof.path("leafHash").asText())) {
                return new Result(false, "the event's content does not hash to the proven leaf (it was changed)");
            }
            List<byte[]> path = new ArrayList<>();
            proof.path("auditPath").forEach(h -> path.add(HEX.parseHex(h.asText())));
            var failure = MerkleVerifier.whyInclusionFails(sequence, treeSize, leaf, path, signed.rootHash());
            if (failure.isPresent()) {
                return new Result(false, "the inclusion proof does not lead to the signed root (" + failure.get() + ")");
            }
            return new Result(true, "event " + event.path("venue").asText() + "/" + event.path("eventId").asText()
                    + " is leaf " + sequence + " of the log of size " + treeSize + " signed by " + publicKey.path("keyName").asText());
        } catch (IllegalArgumentException e) {
            return new Result(false, e.getMessage());
        }
    }
}
