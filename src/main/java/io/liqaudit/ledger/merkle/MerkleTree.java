package io.liqaudit.ledger.merkle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots and proofs of the tree over leaves [0, n), computed from complete subtrees only. Every
 * range the RFC recursion meets splits into a complete aligned left part and a rest, so a root
 * or a proof reads O(log n) stored nodes.
 */
public final class MerkleTree {

    private static final byte[] PLACEHOLDER = new byte[32];

    private MerkleTree() {
    }

    /** MTH(D[0:n]) (RFC 6962 §2.1). */
    public static byte[] root(long n, PerfectNodes nodes) {
        return n == 0 ? MerkleHashes.empty() : hash(0, n, nodes);
    }

    /** PATH(m, D[n]) (RFC 9162 §2.1.3.1), leaf-side first. */
    public static List<byte[]> inclusionPath(long m, long n, PerfectNodes nodes) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of size " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(m, 0, n, nodes, path);
        return path;
    }

    /** PROOF(m, D[n]) (RFC 9162 §2.1.4.1): empty when m = n. */
    public static List<byte[]> consistencyProof(long m, long n, PerfectNodes nodes) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m < n) {
            subproof(m, 0, n, true, nodes, proof);
        }
        return proof;
    }

    /** The complete subtrees that {@code computation} reads: run it once against a recorder. */
    public static Set<NodeId> nodesRead(java.util.function.Consumer<PerfectNodes> computation) {
        Set<NodeId> read = new LinkedHashSet<>();
        computation.accept(id -> {
            read.add(id);
            return PLACEHOLDER;
        });
        return read;
    }

    public static PerfectNodes from(Map<NodeId, byte[]> known) {
        return id -> {
            byte[] hash = known.get(id);
            if (hash == null) {
                throw new IllegalStateException("missing tree node " + id);
            }
            return hash;
        };
    }

    /** MTH of leaves [a, b): a complete aligned subtree is read; otherwise split at the largest power of two below b − a. */
    static byte[] hash(long a, long b, PerfectNodes nodes) {
        long width = b - a;
        if (Long.bitCount(width) == 1 && a % width == 0) {
            return nodes.hash(new NodeId(Long.numberOfTrailingZeros(width), a / width));
        }
        long k = largestPowerOfTwoBelow(width);
        return MerkleHashes.node(hash(a, a + k, nodes), hash(a + k, b, nodes));
    }

    private static void path(long m, long a, long b, PerfectNodes nodes, List<byte[]> out) {
        if (b - a == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(b - a);
        if (m < a + k) {
            path(m, a, a + k, nodes, out);
            out.add(hash(a + k, b, nodes));
        } else {
            path(m, a + k, b, nodes, out);
            out.add(hash(a, a + k, nodes));
        }
    }

    private static void subproof(long m, long a, long b, boolean whole, PerfectNodes nodes, List<byte[]> out) {
        if (m == b) {
            if (!whole) {
                out.add(hash(a, b, nodes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(b - a);
        if (m <= a + k) {
            subproof(m, a, a + k, whole, nodes, out);
            out.add(hash(a + k, b, nodes));
        } else {
            subproof(m, a + k, b, false, nodes, out);
            out.add(hash(a, a + k, nodes));
        }
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The complete subtrees on the right edge of a tree of size n (one per set bit), largest
     * first: all that is needed to append to it or to compute its root.
     */
    public static List<NodeId> frontier(long n) {
        List<NodeId> out = new ArrayList<>();
        for (int level = 63; level >= 0; level--) {
            if ((n >>> level & 1) == 1) {
                out.add(new NodeId(level, (n >>> level) - 1));
            }
        }
        return out;
    }

    /**
     * The nodes created by appending {@code leaves} to a tree of size {@code start} whose
     * frontier hashes are in {@code known}: each new leaf, and each parent it completes.
     */
    public static Map<NodeId, byte[]> append(long start, List<byte[]> leaves, Map<NodeId, byte[]> known) {
        Map<NodeId, byte[]> all = new java.util.HashMap<>(known);
        Map<NodeId, byte[]> created = new java.util.LinkedHashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            NodeId id = new NodeId(0, start + i);
            byte[] hash = leaves.get(i);
            all.put(id, hash);
            created.put(id, hash);
            while ((id.index() & 1) == 1) {
                byte[] left = all.get(new NodeId(id.level(), id.index() - 1));
                if (left == null) {
                    throw new IllegalStateException("missing left sibling of " + id);
                }
                hash = MerkleHashes.node(left, hash);
                id = new NodeId(id.level() + 1, id.index() >>> 1);
                all.put(id, hash);
                created.put(id, hash);
            }
        }
        return created;
    }
}
