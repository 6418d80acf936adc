package io.liqaudit.ledger;

import io.liqaudit.ledger.merkle.MerkleTree;
import io.liqaudit.platform.Timestamps;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints. When the log has grown, at most once per liqaudit.ledger.checkpoint-interval,
 * the root of the committed tree is signed and stored; all checkpoints are kept.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    /**
     * A stored checkpoint as its signed note says: tree size and root hash are read from the
     * verified note, never from the table's columns, so an edited row cannot be served as signed.
     * ({@code createdAt} is when it was made; it is not part of what is signed.)
     */
    public record Stored(long treeSize, byte[] rootHash, OffsetDateTime createdAt, String note) {
    }

    /** A stored checkpoint whose note does not verify, or disagrees with its row: it is never served. */
    public static final class Unverifiable extends RuntimeException {
        Unverifiable(long treeSize, String why) {
            super("the stored checkpoint of tree size " + treeSize + " is not served: " + why);
        }
    }

    private final Pool pool;
    private final MerkleLogRepository log;
    private final LedgerKeys keys;

    private final LogHead head;

    private final Pool reads;

    Checkpoints(Pool pool, @ReactiveDataSource(ReadPool.NAME) Pool reads, MerkleLogRepository log, LedgerKeys keys,
            LogHead head) {
        this.reads = reads;
        this.head = head;
        this.pool = pool;
        this.log = log;
        this.keys = keys;
    }

    @Scheduled(every = "${liqaudit.ledger.checkpoint-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> checkpointWhenGrown() {
        return makeCheckpoint().replaceWithVoid()
                .onFailure().invoke(e -> LOG.error("cannot make a checkpoint; will retry", e))
                .onFailure().recoverWithNull();
    }

    /** Signs the committed tree if it is larger than the last checkpoint; answers the latest checkpoint. */
    Uni<Optional<Stored>> makeCheckpoint() {
        return head.size(pool).chain(size -> pool.query("select max(tree_size) as last from checkpoint").execute()
                .chain(rows -> {
                    Long last = rows.iterator().next().getLong("last");
                    if (last != null && last >= size) {
                        return latest();
                    }
                    return log.compute(pool, nodes -> MerkleTree.root(size, nodes)).chain(root -> {
                        String note = SignedNote.sign(new SignedNote.Checkpoint(keys.origin(), size, root), keys.keyName(),
                                keys.keys().pair().getPrivate(), keys.keys().publicKey());
                        // Several instances may race to the same size: the first one's checkpoint stands.
                        return pool.preparedQuery("insert into checkpoint (tree_size, root_hash, created_at, note) "
                                        + "values ($1, decode($2, 'hex'), $3, $4) on conflict (tree_size) do nothing")
                                .execute(Tuple.of(size, java.util.HexFormat.of().formatHex(root),
                                        Timestamps.nowMicros(), note))
                                .chain(inserted -> latest());
                    });
                }));
    }

    public Uni<Optional<Stored>> latest() {
        return one("select * from checkpoint order by tree_size desc limit 1", Tuple.tuple());
    }

    public Uni<Optional<Stored>> at(long treeSize) {
        return one("select * from checkpoint where tree_size = $1", Tuple.of(treeSize));
    }

    /**
     * The checkpoints signed in [from, to) of at most {@code maxTreeSize}, after tree size
     * {@code afterTreeSize}, in order, at most {@code limit}: an attestation's page. Each is checked
     * as {@link #latest()} checks it.
     */
    public Uni<List<Stored>> signedIn(OffsetDateTime from, OffsetDateTime to, long maxTreeSize, long afterTreeSize, int limit) {
        return reads.preparedQuery("select * from checkpoint where created_at >= $1 and created_at < $2 and tree_size <= $3 "
                        + "and tree_size > $4 order by tree_size limit $5")
                .execute(Tuple.of(from, to, maxTreeSize, afterTreeSize, limit))
                .map(rows -> {
                    List<Stored> out = new ArrayList<>();
                    rows.forEach(r -> out.add(verified(r)));
                    return out;
                });
    }

    /** How many checkpoints {@link #signedIn} would list in all. */
    public Uni<Long> countSignedIn(OffsetDateTime from, OffsetDateTime to, long maxTreeSize) {
        return reads.preparedQuery("select count(*) from checkpoint where created_at >= $1 and created_at < $2 "
                        + "and tree_size <= $3")
                .execute(Tuple.of(from, to, maxTreeSize)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The last checkpoint signed before {@code at}: what a period's first checkpoint is proven consistent with. */
    public Uni<Optional<Stored>> lastBefore(OffsetDateTime at) {
        return one("select * from checkpoint where created_at < $1 order by tree_size desc limit 1", Tuple.of(at));
    }

    private Uni<Optional<Stored>> one(String sql, Tuple params) {
        return reads.preparedQuery(sql).execute(params).map(rows -> rows.iterator().hasNext()
                ? Optional.of(verified(rows.iterator().next())) : Optional.empty());
    }

    private Stored verified(Row r) {
        long size = r.getLong("tree_size");
        SignedNote.Checkpoint signed;
        try {
            signed = SignedNote.verify(r.getString("note"), keys.keyName(), keys.keys().publicKey());
        } catch (IllegalArgumentException e) {
            throw new Unverifiable(size, "its signature does not verify");
        }
        if (signed.treeSize() != size || !java.util.Arrays.equals(signed.rootHash(), r.getBuffer("root_hash").getBytes())) {
            throw new Unverifiable(size, "its row differs from its signed note");
        }
        return new Stored(signed.treeSize(), signed.rootHash(), r.getOffsetDateTime("created_at"), r.getString("note"));
    }
}
