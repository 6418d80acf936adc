package io.liqaudit.ledger;

import io.liqaudit.ledger.merkle.MerkleTree;
import io.liqaudit.ledger.merkle.NodeId;
import io.liqaudit.ledger.merkle.PerfectNodes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The log's stored subtrees. Appending a batch reads the frontier (at most 64 rows) and writes
 * the new leaves and the parents they complete in one statement; a root or proof reads the
 * O(log n) nodes it needs in one query.
 */
@ApplicationScoped
public class MerkleLogRepository {

    private static final String READ = """
            select n.level, n.idx, n.hash from merkle_node n
            join unnest($1::smallint[], $2::bigint[]) as t(level, idx) on n.level = t.level and n.idx = t.idx""";
    private static final String WRITE = """
            insert into merkle_node (level, idx, hash)
            select t.level, t.idx, decode(t.hash, 'hex') from unnest($1::smallint[], $2::bigint[], $3::text[]) as t(level, idx, hash)""";

    /** Appends leaves to a tree of size {@code start}; call only while holding the log head lock. */
    public Uni<Void> append(SqlClient client, long start, List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return read(client, Set.copyOf(MerkleTree.frontier(start))).chain(frontier -> {
            Map<NodeId, byte[]> created = MerkleTree.append(start, leaves, frontier);
            Short[] levels = new Short[created.size()];
            Long[] indexes = new Long[created.size()];
            String[] hashes = new String[created.size()];
            int i = 0;
            for (Map.Entry<NodeId, byte[]> e : created.entrySet()) {
                levels[i] = (short) e.getKey().level();
                indexes[i] = e.getKey().index();
                hashes[i++] = HexFormat.of().formatHex(e.getValue());
            }
            return client.preparedQuery(WRITE).execute(Tuple.of(levels, indexes, hashes)).replaceWithVoid();
        });
    }

    /**
     * Runs a tree computation against the stored nodes: first against a recorder to learn which
     * nodes it reads, then, after one query for them, for real.
     */
    /** The leaf hash (hex) at {@code sequence}, when the log has that leaf. */
    public Uni<java.util.Optional<String>> leafHashHex(SqlClient client, long sequence) {
        return client.preparedQuery("select hash from merkle_node where level = 0 and idx = $1").execute(Tuple.of(sequence))
                .map(rows -> rows.iterator().hasNext()
                        ? java.util.Optional.of(HexFormat.of().formatHex(rows.iterator().next().getBuffer("hash").getBytes()))
                        : java.util.Optional.empty());
    }

    /** The leaf hashes (hex) of these sequences, by sequence; a sequence not yet in the tree is absent. */
    public Uni<Map<Long, String>> leafHashesHex(SqlClient client, List<Long> sequences) {
        return client.preparedQuery("select idx, hash from merkle_node where level = 0 and idx = any($1)")
                .execute(Tuple.of((Object) sequences.toArray(Long[]::new))).map(rows -> {
                    Map<Long, String> out = new java.util.HashMap<>();
                    rows.forEach(r -> out.put(r.getLong(0), HexFormat.of().formatHex(r.getBuffer(1).getBytes())));
                    return out;
                });
    }

    public <T> Uni<T> compute(SqlClient client, Function<PerfectNodes, T> computation) {
        Consumer<PerfectNodes> dryRun = computation::apply;
        return read(client, MerkleTree.nodesRead(dryRun)).map(nodes -> computation.apply(MerkleTree.from(nodes)));
    }

    Uni<Map<NodeId, byte[]>> read(SqlClient client, Set<NodeId> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Short[] levels = ids.stream().map(id -> (short) id.level()).toArray(Short[]::new);
        Long[] indexes = ids.stream().map(NodeId::index).toArray(Long[]::new);
        return client.preparedQuery(READ).execute(Tuple.of(levels, indexes)).map(rows -> {
            Map<NodeId, byte[]> found = new HashMap<>();
            for (Row r : rows) {
                found.put(new NodeId(r.getShort("level"), r.getLong("idx")), r.getBuffer("hash").getBytes());
            }
            return found;
        });
    }
}
