package io.liqaudit.ledger.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Verification of proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 write it: what a regulator runs.
 * The {@code why…} methods say why a proof fails (an index outside the tree, a path of the wrong
 * length, or the root it leads to against the root expected, both in hex), as transparency-dev's
 * verifier does; the {@code verify…} methods answer only whether it holds.
 */
public final class MerkleVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleVerifier() {
    }

    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        return whyInclusionFails(leafIndex, treeSize, leafHash, path, root).isEmpty();
    }

    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        return whyConsistencyFails(first, second, firstRoot, secondRoot, proof).isEmpty();
    }

    /** Empty when the path proves the leaf at {@code leafIndex} in the tree of {@code treeSize} with {@code root}. */
    public static Optional<String> whyInclusionFails(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return Optional.of("leaf index " + leafIndex + " is outside a tree of size " + treeSize);
        }
        int expected = inclusionLength(leafIndex, treeSize);
        if (path.size() != expected) {
            return Optional.of("wrong path length: " + path.size() + " hashes, a leaf " + leafIndex + " of a tree of size "
                    + treeSize + " has " + expected);
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return rootMismatch(r, root, "root");
    }

    /** Empty when the proof shows that the tree of {@code second} with {@code secondRoot} extends that of {@code first}. */
    public static Optional<String> whyConsistencyFails(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first < 1 || first > second) {
            return Optional.of("sizes " + first + " and " + second + " are not 1 ≤ first ≤ second");
        }
        if (first == second) {
            return !proof.isEmpty() ? Optional.of("wrong proof length: " + proof.size() + " hashes, equal sizes need none")
                    : rootMismatch(firstRoot, secondRoot, "second root");
        }
        int expected = consistencyLength(first, second);
        if (proof.size() != expected) {
            return Optional.of("wrong proof length: " + proof.size() + " hashes, sizes " + first + " to " + second + " need "
                    + expected);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while (!((fn & 1) == 1 || fn == 0)) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        Optional<String> firstWrong = rootMismatch(fr, firstRoot, "first root");
        return firstWrong.isPresent() ? firstWrong : rootMismatch(sr, secondRoot, "second root");
    }

    /** RFC 9162 §2.1.3.2: the path of leaf m in a tree of n has inner + border hashes. */
    static int inclusionLength(long m, long n) {
        int inner = 64 - Long.numberOfLeadingZeros(m ^ (n - 1));
        return inner + Long.bitCount(m >>> inner);
    }

    /** RFC 9162 §2.1.4.2 / transparency-dev: the proof from m to n (m < n) has this many hashes. */
    static int consistencyLength(long m, long n) {
        int inner = 64 - Long.numberOfLeadingZeros((m - 1) ^ (n - 1));
        int shift = Long.numberOfTrailingZeros(m);
        int border = Long.bitCount((m - 1) >>> inner);
        return inner - shift + border + (m == (1L << shift) ? 0 : 1);
    }

    private static Optional<String> rootMismatch(byte[] computed, byte[] expected, String what) {
        return MessageDigest.isEqual(computed, expected) ? Optional.empty()
                : Optional.of(what + " mismatch: expected " + HEX.formatHex(expected) + ", computed " + HEX.formatHex(computed));
    }
}
