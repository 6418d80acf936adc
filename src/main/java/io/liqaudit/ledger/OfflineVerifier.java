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
 * Checks, without trusting the service, that a liquidation is in the log as signed and that the
 * log only grew: the whole of what anyone needs, as one jar with no other dependency
 * ({@code GET /disclosures/verifier.jar}, built from this class and its few companions).
 *
 * <pre>
 * java -jar liqaudit-verifier.jar entry PROOF-DOCUMENT.json [PUBLIC-KEY.json]
 *     a register entry's proof document (/disclosures/register/{venue}/{eventId}/proof.json): rebuilds the leaf
 *     from its published preimage, follows the inclusion proof to the checkpoint's root, checks the checkpoint's
 *     signature (with PUBLIC-KEY.json when given: fetch it yourself; else the key in the document)
 * java -jar liqaudit-verifier.jar inclusion EVENT.json INCLUSION-PROOF.json CHECKPOINT.json PUBLIC-KEY.json
 *     the same for an event as the audit API serves it (or a published preimage), with the proof and checkpoint apart
 * java -jar liqaudit-verifier.jar consistency OLD-CHECKPOINT.json NEW-CHECKPOINT.json CONSISTENCY-PROOF.json PUBLIC-KEY.json
 *     both checkpoints signed by the key, and the newer log an append-only extension of the older (RFC 9162)
 * </pre>
 * Prints {@code valid: …} and exits 0, or {@code invalid: <reason>} and exits 1 (2: wrong usage).
 * Four arguments without a command mean {@code inclusion}, as before the commands existed.
 */
public final class OfflineVerifier {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final String USAGE = """
            usage: java -jar liqaudit-verifier.jar entry PROOF-DOCUMENT.json [PUBLIC-KEY.json]
                   java -jar liqaudit-verifier.jar inclusion EVENT.json INCLUSION-PROOF.json CHECKPOINT.json PUBLIC-KEY.json
                   java -jar liqaudit-verifier.jar consistency OLD-CHECKPOINT.json NEW-CHECKPOINT.json CONSISTENCY-PROOF.json PUBLIC-KEY.json""";

    /** The verdict and why. */
    public record Result(boolean valid, String reason) {
    }

    private OfflineVerifier() {
    }

    public static void main(String[] args) throws IOException {
        Result r;
        boolean legacy = args.length == 4 && args[0].endsWith(".json");
        String command = legacy ? "inclusion" : args.length > 0 ? args[0] : "";
        String[] files = legacy ? args : java.util.Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "entry" -> {
                if (files.length < 1 || files.length > 2) {
                    usage();
                }
                JsonNode doc = read(files[0]);
                r = entry(doc, files.length == 2 ? read(files[1]) : doc.path("publicKey"));
            }
            case "inclusion" -> {
                if (files.length != 4) {
                    usage();
                }
                r = check(read(files[0]), read(files[1]), read(files[2]), read(files[3]));
            }
            case "consistency" -> {
                if (files.length != 4) {
                    usage();
                }
                r = consistency(read(files[0]), read(files[1]), read(files[2]), read(files[3]));
            }
            default -> {
                usage();
                return;
            }
        }
        System.out.println((r.valid() ? "valid: " : "invalid: ") + r.reason());
        System.exit(r.valid() ? 0 : 1);
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(Path.of(file)));
    }

    /**
     * A register entry's proof document: its published preimage (a version-1 leaf has none: it
     * holds the account, and is checked with {@code inclusion} and the full record instead).
     */
    public static Result entry(JsonNode document, JsonNode publicKey) {
        if (!document.path("preimage").isObject()) {
            return new Result(false, "the document publishes no leaf preimage (a version-1 leaf holds the account and is not "
                    + "published): check it with the full record and the inclusion command");
        }
        return check(document.path("preimage"), document.path("inclusion"), document.path("checkpoint"), publicKey);
    }

    /**
     * Both checkpoints are signed by the key, and the newer tree extends the older one: every
     * leaf the older signed is still there, in the same place (RFC 9162 consistency proof).
     */
    public static Result consistency(JsonNode older, JsonNode newer, JsonNode proof, JsonNode publicKey) {
        try {
            SignedNote.Checkpoint first = signed(older, publicKey);
            SignedNote.Checkpoint second = signed(newer, publicKey);
            if (proof.path("from").asLong(-1) != first.treeSize() || proof.path("to").asLong(-1) != second.treeSize()) {
                return new Result(false, "the proof is from size " + proof.path("from").asLong(-1) + " to " + proof.path("to").asLong(-1)
                        + ", the checkpoints sign sizes " + first.treeSize() + " and " + second.treeSize());
            }
            List<byte[]> path = new ArrayList<>();
            proof.path("proof").forEach(h -> path.add(HEX.parseHex(h.asText())));
            var failure = io.liqaudit.ledger.merkle.MerkleVerifier.whyConsistencyFails(first.treeSize(), second.treeSize(),
                    first.rootHash(), second.rootHash(), path);
            if (failure.isPresent()) {
                return new Result(false, "the log of size " + second.treeSize() + " is not an extension of the log of size "
                        + first.treeSize() + " (" + failure.get() + ")");
            }
            return new Result(true, "the log of size " + second.treeSize() + " extends the log of size " + first.treeSize()
                    + ", both signed by " + publicKey.path("keyName").asText());
        } catch (IllegalArgumentException e) {
            return new Result(false, e.getMessage());
        }
    }

    /** A checkpoint's signed note, verified with the key; its plain fields must agree with what the note signs. */
    private static SignedNote.Checkpoint signed(JsonNode checkpoint, JsonNode publicKey) {
        if (!"Ed25519".equals(publicKey.path("algorithm").asText())) {
            throw new IllegalArgumentException("the public key is not Ed25519");
        }
        byte[] key = Base64.getDecoder().decode(publicKey.path("key").asText());
        SignedNote.Checkpoint signed = SignedNote.verify(checkpoint.path("note").asText(), publicKey.path("keyName").asText(), key);
        // The signed note is the authority; plain fields beside it that say otherwise would mislead a reader.
        if (checkpoint.has("treeSize") && checkpoint.get("treeSize").asLong() != signed.treeSize()) {
            throw new IllegalArgumentException("the checkpoint's treeSize is not the tree size its signed note states");
        }
        if (checkpoint.has("rootHash") && !checkpoint.get("rootHash").asText().equals(HEX.formatHex(signed.rootHash()))) {
            throw new IllegalArgumentException("the checkpoint's rootHash is not the root its signed note states");
        }
        return signed;
    }

    /**
     * @param event      the stored event as {@code GET /api/v1/liquidations/{venue}/{eventId}} serves it, or a
     *                   register entry's published leaf preimage
     * @param proof      {@code GET /api/v1/ledger/proof/inclusion?sequence=&treeSize=}
     * @param checkpoint {@code GET /api/v1/ledger/checkpoint?treeSize=}
     * @param publicKey  {@code GET /api/v1/ledger/public-key}
     */
    public static Result check(JsonNode event, JsonNode proof, JsonNode checkpoint, JsonNode publicKey) {
        try {
            SignedNote.Checkpoint signed = signed(checkpoint, publicKey);
            byte[] leaf = LeafContent.leafHashOf(event);
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
