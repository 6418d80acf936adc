package io.liqaudit.ledger;

import io.liqaudit.ledger.merkle.MerkleTree;
import io.liqaudit.ledger.merkle.NodeId;
import io.smallrye.mutiny.Uni;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.List;

/** Proofs from the stored tree: what the public ledger endpoints serve. */
@ApplicationScoped
public class LedgerProofs {

    private static final HexFormat HEX = HexFormat.of();

    public record InclusionProof(long sequence, long treeSize, String leafHash, List<String> auditPath) {
    }

    public record ConsistencyProof(long from, long to, List<String> proof) {
    }

    private final Pool pool;
    private final MerkleLogRepository log;
    private final LogHead head;

    LedgerProofs(@ReactiveDataSource(ReadPool.NAME) Pool pool, MerkleLogRepository log, LogHead head) {
        this.pool = pool;
        this.log = log;
        this.head = head;
    }

    /** The log's current size: no proof reaches past it. */
    public Uni<Long> size() {
        return head.size(pool);
    }

    public Uni<InclusionProof> inclusion(long sequence, long treeSize) {
        return log.compute(pool, nodes -> new InclusionProof(sequence, treeSize,
                HEX.formatHex(nodes.hash(new NodeId(0, sequence))),
                MerkleTree.inclusionPath(sequence, treeSize, nodes).stream().map(HEX::formatHex).toList()));
    }

    /** Proofs for many pairs of sizes, from one read of the nodes they need; a proof from size 0 is empty (nothing to extend). */
    public Uni<List<ConsistencyProof>> consistencies(List<long[]> pairs) {
        return log.compute(pool, nodes -> pairs.stream().map(p -> new ConsistencyProof(p[0], p[1], p[0] == 0 ? List.of()
                : MerkleTree.consistencyProof(p[0], p[1], nodes).stream().map(HEX::formatHex).toList())).toList());
    }

    public Uni<ConsistencyProof> consistency(long from, long to) {
        return log.compute(pool, nodes -> new ConsistencyProof(from, to,
                MerkleTree.consistencyProof(from, to, nodes).stream().map(HEX::formatHex).toList()));
    }
}
