package io.liqaudit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.ledger.merkle.MerkleHashes;
import io.liqaudit.ledger.merkle.MerkleTree;
import io.liqaudit.ledger.merkle.MerkleVerifier;
import io.liqaudit.ledger.merkle.NodeId;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared RFC 6962 vectors (test resources vectors/merkle-rfc6962.json): generated and verified. */
class MerkleVectorsTest {

    static final HexFormat HEX = HexFormat.of();
    static JsonNode vectors;
    static List<byte[]> leaves = new ArrayList<>();
    static Map<NodeId, byte[]> nodes = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MerkleVectorsTest.class.getResourceAsStream("/vectors/merkle-rfc6962.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
        for (JsonNode input : vectors.get("leafInputsHex")) {
            leaves.add(MerkleHashes.leaf(HEX.parseHex(input.asText())));
        }
        nodes.putAll(MerkleTree.append(0, leaves, Map.of()));
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HEX.parseHex(h.asText())));
        return out;
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void leafHashesAndRootsBySize() {
        for (int i = 0; i < leaves.size(); i++) {
            assertThat(HEX.formatHex(leaves.get(i))).isEqualTo(vectors.get("leafHashes").get(i).asText());
        }
        JsonNode roots = vectors.get("rootsBySize");
        assertThat(roots.size()).isEqualTo(9);
        for (int size = 0; size < roots.size(); size++) {
            assertThat(HEX.formatHex(MerkleTree.root(size, MerkleTree.from(nodes)))).as("root of size %d", size)
                    .isEqualTo(roots.get(size).asText());
        }
    }

    @Test
    void everyInclusionProofIsGeneratedAndVerifies() {
        for (JsonNode p : vectors.get("inclusionProofs")) {
            long m = p.get("leafIndex").asLong();
            long n = p.get("treeSize").asLong();
            List<byte[]> path = MerkleTree.inclusionPath(m, n, MerkleTree.from(nodes));
            assertThat(hex(path)).as("PATH(%d, %d)", m, n).isEqualTo(hex(hashes(p.get("path"))));
            byte[] root = HEX.parseHex(vectors.get("rootsBySize").get((int) n).asText());
            assertThat(MerkleVerifier.verifyInclusion(m, n, leaves.get((int) m), path, root)).isTrue();
            assertThat(MerkleVerifier.verifyInclusion(m, n, leaves.get((int) ((m + 1) % 8)), path, root))
                    .as("another leaf does not verify").isEqualTo(n == 1 && leaves.get((int) ((m + 1) % 8)) == leaves.get((int) m));
        }
    }

    @Test
    void everyConsistencyProofIsGeneratedAndVerifies() {
        for (JsonNode p : vectors.get("consistencyProofs")) {
            long m = p.get("size1").asLong();
            long n = p.get("size2").asLong();
            List<byte[]> proof = MerkleTree.consistencyProof(m, n, MerkleTree.from(nodes));
            assertThat(hex(proof)).as("PROOF(%d, %d)", m, n).isEqualTo(hex(hashes(p.get("proof"))));
            byte[] r1 = HEX.parseHex(vectors.get("rootsBySize").get((int) m).asText());
            byte[] r2 = HEX.parseHex(vectors.get("rootsBySize").get((int) n).asText());
            assertThat(MerkleVerifier.verifyConsistency(m, n, r1, r2, proof)).as("verify(%d, %d)", m, n).isTrue();
            if (m < n) {
                assertThat(MerkleVerifier.verifyConsistency(m, n, r2, r1, proof)).as("swapped roots fail").isFalse();
            }
        }
    }

    /** Beyond the vectors: proofs from stored subtrees agree with verification on larger, odd sizes. */
    @Test
    void largerTreesBuiltByAppendingInBatchesProveAndVerify() {
        Random random = new Random(1);
        List<byte[]> many = new ArrayList<>();
        Map<NodeId, byte[]> stored = new HashMap<>();
        long size = 0;
        while (size < 1000) {
            int batch = 1 + random.nextInt(37);
            List<byte[]> leavesOfBatch = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                byte[] leaf = MerkleHashes.leaf(("leaf-" + (size + i)).getBytes());
                leavesOfBatch.add(leaf);
                many.add(leaf);
            }
            Map<NodeId, byte[]> frontier = new HashMap<>();
            for (NodeId id : MerkleTree.frontier(size)) {
                frontier.put(id, stored.get(id));
            }
            stored.putAll(MerkleTree.append(size, leavesOfBatch, frontier));
            size += batch;
        }
        for (long n : new long[] {1, 2, 3, 7, 64, 65, 333, 999, size}) {
            byte[] root = MerkleTree.root(n, MerkleTree.from(stored));
            for (long m = 0; m < n; m += Math.max(1, n / 17)) {
                List<byte[]> path = MerkleTree.inclusionPath(m, n, MerkleTree.from(stored));
                assertThat(MerkleVerifier.verifyInclusion(m, n, many.get((int) m), path, root)).isTrue();
                assertThat(path.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(n));
            }
            for (long m = 1; m <= n; m += Math.max(1, n / 13)) {
                byte[] old = MerkleTree.root(m, MerkleTree.from(stored));
                assertThat(MerkleVerifier.verifyConsistency(m, n, old, root,
                        MerkleTree.consistencyProof(m, n, MerkleTree.from(stored)))).as("%d -> %d", m, n).isTrue();
            }
            assertThat(MerkleTree.nodesRead(nodes -> MerkleTree.inclusionPath(0, n, nodes)).size())
                    .as("O(log n) reads").isLessThanOrEqualTo(2 * (64 - Long.numberOfLeadingZeros(n)));
        }
    }
}
