package io.liqaudit.ledger.merkle;

/** Where the hashes of complete subtrees come from (the database, a map, a recorder). */
@FunctionalInterface
public interface PerfectNodes {
    byte[] hash(NodeId node);
}
