package io.liqaudit.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.ledger.merkle.MerkleTree;
import io.liqaudit.ledger.merkle.NodeId;
import io.liqaudit.platform.JobStatus;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.json.CanonicalJson;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Tamper audits. An audit re-reads every stored event up to the tree size at its start,
 * rebuilds its leaf hash from the stored content and compares it with the log's leaf (naming
 * changed and missing events), rebuilds the tree from the rebuilt leaves, and checks every signed
 * checkpoint against it: signature, and root. Runs in the background, in chunks.
 */
@ApplicationScoped
public class LedgerAudits {

    private static final Logger LOG = Logger.getLogger(LedgerAudits.class);
    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();
    private static final byte[] MISSING = new byte[32];

    /** A sequence whose stored event does not match the log, and why. */
    public record Tampered(long sequence, String reason) {
    }

    /** A checkpoint that the stored events no longer support, and why. */
    public record BadCheckpoint(long treeSize, String reason) {
    }

    public record AuditView(long id, JobStatus status, String requestedBy, String requestedAt, long treeSize, long done,
            long checkpointsChecked, List<Tampered> tampered, List<BadCheckpoint> badCheckpoints, String finishedAt) {
    }

    private final Pool pool;
    private final LedgerKeys keys;
    private final LiqauditConfig config;

    private final LogHead head;

    LedgerAudits(Pool pool, LedgerKeys keys, LiqauditConfig config, LogHead head) {
        this.head = head;
        this.pool = pool;
        this.keys = keys;
        this.config = config;
    }

    public Uni<AuditView> start(String by) {
        return head.size(pool).chain(size -> pool.preparedQuery("insert into ledger_audit (requested_by, status, tree_size) "
                        + "values ($1, 'RUNNING', $2) returning id")
                .execute(Tuple.of(by, size))).map(rows -> rows.iterator().next().getLong(0))
                .invoke(id -> run(id).subscribe().with(v -> { }, e -> LOG.errorf(e, "tamper audit %d failed", id)))
                .chain(this::find).map(Optional::orElseThrow);
    }

    /** The daily audit. */
    @Scheduled(cron = "${liqaudit.ledger.audit-cron}", timeZone = "UTC")
    Uni<Void> daily() {
        return start("scheduler").replaceWithVoid();
    }

    public Uni<Optional<AuditView>> find(long id) {
        return pool.preparedQuery("select * from ledger_audit where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(view(rows.iterator().next())) : Optional.empty());
    }

    public Uni<Optional<AuditView>> latest() {
        return pool.query("select * from ledger_audit order by id desc limit 1").execute()
                .map(rows -> rows.iterator().hasNext() ? Optional.of(view(rows.iterator().next())) : Optional.empty());
    }

    /**
     * The audit's state between chunks: the frontier of the tree of the log's stored leaves, and
     * what was found. Events are checked against their own leaves (a changed event is named once);
     * checkpoints are checked against the stored leaves, so a checkpoint is named only when it, or
     * the log's leaves under it, were altered.
     */
    private static final class Progress {
        final Map<NodeId, byte[]> frontier = new HashMap<>();
        final List<Tampered> tampered = new ArrayList<>();
        final List<BadCheckpoint> bad = new ArrayList<>();
        long size;
        long checkpointsChecked;
        /** The last checkpoint whose signed root the stored leaves still reach. */
        long lastGoodTreeSize;
        boolean leavesAltered;
    }

    private record StoredCheckpoint(long treeSize, byte[] root, String note) {
    }

    private Uni<Void> run(long id) {
        return pool.preparedQuery("select tree_size from ledger_audit where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(treeSize -> checkpoints(treeSize).chain(cps -> chunk(id, treeSize, cps, new Progress())))
                .onFailure().call(e -> pool.preparedQuery("update ledger_audit set status = 'FAILED', finished_at = now() "
                        + "where id = $1").execute(Tuple.of(id)));
    }

    private Uni<List<StoredCheckpoint>> checkpoints(long treeSize) {
        return pool.preparedQuery("select tree_size, root_hash, note from checkpoint where tree_size <= $1 order by tree_size")
                .execute(Tuple.of(treeSize)).map(rows -> {
                    List<StoredCheckpoint> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new StoredCheckpoint(r.getLong("tree_size"), r.getBuffer("root_hash").getBytes(),
                            r.getString("note"))));
                    return out;
                });
    }

    private Uni<Void> chunk(long id, long treeSize, List<StoredCheckpoint> checkpoints, Progress p) {
        long from = p.size;
        long to = Math.min(treeSize, from + config.ledger().auditChunkSize());
        Uni<Void> work = from >= to ? Uni.createFrom().voidItem() : pool.preparedQuery("""
                        select s.seq, e.venue, e.event_id, e.recorded_at, e.input, encode(e.content_digest, 'hex') as digest,
                               n.hash as leaf
                        from generate_series($1::bigint, $2::bigint - 1) as s(seq)
                        left join liquidation_event e on e.sequence = s.seq
                        left join merkle_node n on n.level = 0 and n.idx = s.seq
                        order by s.seq""")
                .execute(Tuple.of(from, to))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // rebuilding thousands of leaves is CPU work
                .invoke(rows -> {
                    for (Row r : rows) {
                        audit(r, p);
                        checkAtSize(p, checkpoints);
                    }
                })
                .replaceWithVoid();
        if (from == 0) {
            work = work.invoke(() -> checkAtSize(p, checkpoints)); // a checkpoint of the empty tree
        }
        boolean last = to >= treeSize;
        return work.chain(() -> pool.preparedQuery("update ledger_audit set done = $2, tampered = $3, bad_checkpoints = $4, "
                                + "checkpoints_checked = $5, status = $6, finished_at = case when $6 = 'DONE' then now() end "
                                + "where id = $1")
                        .execute(Tuple.tuple().addValue(id).addValue(p.size).addValue(json(p.tampered)).addValue(json(p.bad))
                                .addValue(p.checkpointsChecked).addValue((last ? JobStatus.DONE : JobStatus.RUNNING).name())))
                .chain(() -> last ? Uni.createFrom().voidItem() : chunk(id, treeSize, checkpoints, p));
    }

    /** Rebuilds one leaf from the stored event, compares it with the log's, and appends the log's leaf to the tree. */
    private void audit(Row r, Progress p) {
        long seq = r.getLong("seq");
        byte[] stored = r.getBuffer("leaf") == null ? null : r.getBuffer("leaf").getBytes();
        if (r.getString("venue") == null) {
            p.tampered.add(new Tampered(seq, "the event is missing: its row was deleted"));
        } else {
            String input = r.getString("input");
            byte[] rebuilt = LeafContent.leafHash(r.getString("venue"), r.getString("event_id"),
                    Timestamps.format(r.getOffsetDateTime("recorded_at")), parse(input));
            boolean digestHolds = HexFormat.of().formatHex(CanonicalJson.sha256(input)).equals(r.getString("digest"));
            if (stored == null) {
                p.tampered.add(new Tampered(seq, "the log has no leaf for this event"));
            } else if (!MessageDigest.isEqual(stored, rebuilt)) {
                p.tampered.add(new Tampered(seq, "the stored event does not match its leaf hash"));
            } else if (!digestHolds) {
                p.tampered.add(new Tampered(seq, "the stored input does not match its content digest"));
            }
        }
        Map<NodeId, byte[]> created = MerkleTree.append(p.size, List.of(stored == null ? MISSING : stored), p.frontier);
        p.size++;
        p.frontier.putAll(created);
        p.frontier.keySet().retainAll(MerkleTree.frontier(p.size));
    }

    /**
     * Checks the checkpoints of the tree size reached. A checkpoint is bad when it was itself
     * altered (its signature fails, or its stored root or size differs from its signed note), or
     * when the stored leaves no longer reach its signed root; the latter is said once, at the first
     * checkpoint it shows in, since every later checkpoint then fails for the same reason.
     */
    private void checkAtSize(Progress p, List<StoredCheckpoint> checkpoints) {
        for (StoredCheckpoint cp : checkpoints) {
            if (cp.treeSize() != p.size) {
                continue;
            }
            p.checkpointsChecked++;
            SignedNote.Checkpoint signed;
            try {
                signed = SignedNote.verify(cp.note(), keys.keyName(), keys.keys().publicKey());
            } catch (IllegalArgumentException e) {
                p.bad.add(new BadCheckpoint(cp.treeSize(), "the checkpoint was altered: its signature does not verify ("
                        + e.getMessage() + ")"));
                continue;
            }
            if (signed.treeSize() != cp.treeSize() || !Arrays.equals(signed.rootHash(), cp.root())) {
                p.bad.add(new BadCheckpoint(cp.treeSize(), "the checkpoint was altered: its stored root hash or tree size "
                        + "differs from its signed note (signed root " + HexFormat.of().formatHex(signed.rootHash()) + ")"));
                continue;
            }
            byte[] root = MerkleTree.root(p.size, MerkleTree.from(p.frontier));
            if (MessageDigest.isEqual(root, signed.rootHash())) {
                p.lastGoodTreeSize = cp.treeSize();
            } else if (!p.leavesAltered) {
                p.leavesAltered = true;
                p.bad.add(new BadCheckpoint(cp.treeSize(), "the log's stored leaves no longer reach this signed root: a leaf "
                        + "at a sequence from " + p.lastGoodTreeSize + " to " + (cp.treeSize() - 1) + " was altered or removed "
                        + "(later checkpoints fail for the same reason and are not listed again)"));
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String input) {
        try {
            return JSON.readTree(input);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(input); // unreadable content still gets a (wrong) leaf
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditView view(Row r) {
        try {
            return new AuditView(r.getLong("id"), JobStatus.valueOf(r.getString("status")), r.getString("requested_by"),
                    Timestamps.format(r.getOffsetDateTime("requested_at")), r.getLong("tree_size"), r.getLong("done"),
                    r.getLong("checkpoints_checked"),
                    List.of(JSON.readValue(r.getString("tampered"), Tampered[].class)),
                    List.of(JSON.readValue(r.getString("bad_checkpoints"), BadCheckpoint[].class)),
                    Timestamps.format(r.getOffsetDateTime("finished_at")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
