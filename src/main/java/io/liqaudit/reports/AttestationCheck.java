package io.liqaudit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.ledger.SignedNote;
import io.liqaudit.ledger.merkle.MerkleVerifier;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The offline check of an integrity attestation's checkpoint rows, one JSON line at a time: each
 * signed note verifies under the package's key and says the row's tree size and root; each row
 * names the row before it as the checkpoint before it (none left out); and each consistency proof
 * shows the tree extends the previous one. The first row's previous checkpoint is in the
 * previous period's attestation: its proof is checked against the root this row names for it.
 */
final class AttestationCheck {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final String keyName;
    private final byte[] publicKey;
    private Long lastSize;
    private byte[] lastRoot;
    private long checkpoints;
    private String failure;

    AttestationCheck(String keyName, byte[] publicKey) {
        this.keyName = keyName;
        this.publicKey = publicKey;
    }

    void line(String line) {
        if (failure != null || line.isEmpty()) {
            return;
        }
        try {
            JsonNode row = JSON.readTree(line);
            if (row.path("kind").asText().equals("CHECKPOINT")) {
                checkCheckpoint(row);
            }
        } catch (IOException | RuntimeException e) {
            failure = "an attestation row cannot be read (" + e.getMessage() + ")";
        }
    }

    private void checkCheckpoint(JsonNode row) {
        long size = row.path("treeSize").asLong(-1);
        SignedNote.Checkpoint signed;
        try {
            signed = SignedNote.verify(row.path("signedNote").asText(), keyName, publicKey);
        } catch (IllegalArgumentException e) {
            failure = "the checkpoint of tree size " + size + " is not signed by the package's key";
            return;
        }
        byte[] root = HEX.parseHex(row.path("rootHash").asText());
        if (signed.treeSize() != size || !Arrays.equals(signed.rootHash(), root)) {
            failure = "the checkpoint row of tree size " + size + " differs from its signed note";
            return;
        }
        JsonNode previousSize = row.path("previousTreeSize");
        if (lastSize != null && (previousSize.isNull() || previousSize.asLong() != lastSize
                || !row.path("previousRootHash").asText().equals(HEX.formatHex(lastRoot)))) {
            failure = "the checkpoint of tree size " + size + " does not follow the row before it (of size " + lastSize
                    + "): a checkpoint is missing between them";
            return;
        }
        if (!previousSize.isNull() && previousSize.asLong() > 0) {
            List<byte[]> proof = new ArrayList<>();
            row.path("consistencyProof").forEach(h -> proof.add(HEX.parseHex(h.asText())));
            Optional<String> why = MerkleVerifier.whyConsistencyFails(previousSize.asLong(), size,
                    HEX.parseHex(row.path("previousRootHash").asText()), root, proof);
            if (why.isPresent()) {
                failure = "the tree of size " + size + " is not proven to extend that of size " + previousSize.asLong() + " ("
                        + why.get() + ")";
                return;
            }
        }
        lastSize = size;
        lastRoot = root;
        checkpoints++;
    }

    /** Why the attestation does not hold, once all its lines were read, pinned to a tree of this size. */
    Optional<String> failure(long pinnedTreeSize) {
        if (failure == null && lastSize != null && lastSize > pinnedTreeSize) {
            return Optional.of("the attestation lists a checkpoint of size " + lastSize + ", beyond the pinned " + pinnedTreeSize);
        }
        return Optional.ofNullable(failure);
    }

    long checkpoints() {
        return checkpoints;
    }
}
