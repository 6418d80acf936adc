package io.liqaudit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.ledger.merkle.MerkleHashes;
import io.liqaudit.ledger.merkle.MerkleTree;
import io.liqaudit.ledger.merkle.MerkleVerifier;
import io.liqaudit.ledger.merkle.NodeId;
import io.liqaudit.ledger.merkle.PerfectNodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every way a proof can be wrong must fail, and say why (transparency-dev/merkle's
 * corruptInclusionProof and its consistency twin): each hash flipped, removed, duplicated, an
 * extra one, the proof for another index or size, another leaf or root. Every correct proof of
 * every leaf and size pair up to 40 leaves must hold.
 */
class MerkleProofCorruptionTest {

    private static final int N = 40;
    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static final PerfectNodes NODES;

    static {
        for (int i = 0; i <= N; i++) { // one more than the largest tree checked: proofs against size + 1
            LEAVES.add(MerkleHashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        Map<NodeId, byte[]> nodes = MerkleTree.append(0, LEAVES, Map.of());
        NODES = MerkleTree.from(nodes);
    }

    private static byte[] root(long size) {
        return MerkleTree.root(size, NODES);
    }

    /** Every corruption of a proof: each element flipped, removed or repeated, and one hash too many or too few. */
    private static List<List<byte[]>> corruptions(List<byte[]> proof) {
        List<List<byte[]>> out = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            for (int bit : new int[] {0, 7, 255}) {
                List<byte[]> flipped = new ArrayList<>(proof);
                byte[] h = proof.get(i).clone();
                h[bit / 8] ^= (byte) (1 << (bit % 8));
                flipped.set(i, h);
                out.add(flipped);
            }
            List<byte[]> removed = new ArrayList<>(proof);
            removed.remove(i);
            out.add(removed);
            List<byte[]> doubled = new ArrayList<>(proof);
            doubled.add(i, proof.get(i));
            out.add(doubled);
        }
        List<byte[]> extraEnd = new ArrayList<>(proof);
        extraEnd.add(new byte[32]);
        out.add(extraEnd);
        List<byte[]> extraStart = new ArrayList<>(proof);
        extraStart.add(0, new byte[32]);
        out.add(extraStart);
        return out;
    }

    @Test
    void everyCorruptedInclusionProofFailsAndSaysWhy() {
        int checked = 0;
        for (long size = 1; size <= N; size++) {
            byte[] root = root(size);
            for (long index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionPath(index, size, NODES);
                byte[] leaf = LEAVES.get((int) index);
                assertThat(MerkleVerifier.whyInclusionFails(index, size, leaf, path, root)).as("leaf %d of %d", index, size)
                        .isEmpty();
                for (List<byte[]> bad : corruptions(path)) {
                    assertThat(MerkleVerifier.whyInclusionFails(index, size, leaf, bad, root)).isPresent();
                    checked++;
                }
                String why = MerkleVerifier.whyInclusionFails(index, size, LEAVES.get((int) ((index + 1) % N)), path, root)
                        .orElseThrow();
                assertThat(why).contains("root mismatch: expected").contains("computed");
                assertThat(MerkleVerifier.whyInclusionFails(index, size, leaf, path, root(size == 1 ? 2 : size - 1)))
                        .isPresent();
                assertThat(MerkleVerifier.whyInclusionFails(size, size, leaf, path, root)).get().asString()
                        .contains("outside");
                if (size > 1) {
                    assertThat(MerkleVerifier.whyInclusionFails((index + 1) % size, size, leaf, path, root)).isPresent();
                    assertThat(MerkleVerifier.whyInclusionFails(index, size + 1, leaf, path, root(size + 1))).isPresent();
                }
                checked += 5;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void everyCorruptedConsistencyProofFailsAndSaysWhy() {
        for (long second = 1; second <= N; second++) {
            for (long first = 1; first <= second; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(first, second, NODES);
                byte[] a = root(first);
                byte[] b = root(second);
                assertThat(MerkleVerifier.whyConsistencyFails(first, second, a, b, proof)).as("%d to %d", first, second)
                        .isEmpty();
                for (List<byte[]> bad : corruptions(proof)) {
                    assertThat(MerkleVerifier.whyConsistencyFails(first, second, a, b, bad)).as("%d to %d", first, second)
                            .isPresent();
                }
                Function<byte[], byte[]> flip = h -> {
                    byte[] c = h.clone();
                    c[0] ^= 1;
                    return c;
                };
                assertThat(MerkleVerifier.whyConsistencyFails(first, second, flip.apply(a), b, proof)).isPresent();
                assertThat(MerkleVerifier.whyConsistencyFails(first, second, a, flip.apply(b), proof)).get().asString()
                        .contains("mismatch");
                if (first > 1 && first < second) {
                    assertThat(MerkleVerifier.whyConsistencyFails(first - 1, second, root(first - 1), b, proof)).isPresent();
                }
                if (second < N && first < second) {
                    assertThat(MerkleVerifier.whyConsistencyFails(first, second + 1, a, root(second + 1), proof)).isPresent();
                }
            }
        }
        assertThat(MerkleVerifier.whyConsistencyFails(3, 2, root(3), root(2), List.of())).get().asString().contains("not");
    }
}
