package io.liqaudit.ledger.merkle;

/** A complete subtree: level {@code level} (leaves are 0), covering leaves [index·2^level, (index+1)·2^level). */
public record NodeId(int level, long index) {

    public long firstLeaf() {
        return index << level;
    }
}
