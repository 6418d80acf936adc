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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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

    private final LedgerAuditRepository audits;
    private final Vertx vertx;

    LedgerAudits(Pool pool, LedgerKeys keys, LiqauditConfig config, LogHead head, LedgerAuditRepository audits, Vertx vertx) {
        this.head = head;
        this.audits = audits;
        this.vertx = vertx;
        this.pool = pool;
        this.keys = keys;
        this.config = config;
    }

    public Uni<AuditView> start(String by) {
        return head.size(pool).chain(size -> Panache.withTransaction(() -> {
                    LedgerAudit audit = new LedgerAudit();
                    audit.requestedBy = by;
                    audit.requestedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    audit.status = JobStatus.RUNNING;
                    audit.treeSize = size;
                    return audits.persist(audit);
                }))
                .invoke(audit -> inBackground(audit.id, audit.treeSize))
                .map(LedgerAudits::view);
    }

    /** The daily audit. */
    @Scheduled(cron = "${liqaudit.ledger.audit-cron}", timeZone = "UTC")
    Uni<Void> daily() {
        return start("scheduler").replaceWithVoid();
    }

    /** The most recent tamper audit, if one ever ran. */
    public Uni<Optional<AuditView>> latest() {
        return Panache.withSession(audits::latest).map(a -> Optional.ofNullable(a).map(LedgerAudits::view));
    }

    /** Up to {@code count} tamper audits with id below {@code beforeId} (null: the newest), newest first. */
    public Uni<List<AuditView>> page(Long beforeId, int count) {
        return Panache.withSession(() -> audits.page(beforeId, count)).map(all -> all.stream().map(LedgerAudits::view).toList());
    }

    public Uni<Optional<AuditView>> find(long id) {
        return Panache.withSession(() -> audits.findById(id)).map(a -> Optional.ofNullable(a).map(LedgerAudits::view));
    }

    /**
     * Runs the audit on a Vert.x context of its own: its reactive sessions must not meet the
     * request's, and the rebuilt leaves (worker threads) hop back to it to record progress.
     */
    private void inBackground(long id, long treeSize) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true); // used by nothing else: Panache may keep its session here
        Executor onContext = command -> context.runOnContext(v -> command.run());
        context.runOnContext(v -> checkpoints(treeSize)
                .chain(cps -> chunk(id, treeSize, cps, new Progress(), onContext))
                .onFailure().call(e -> record(id, a -> {
                    a.status = JobStatus.FAILED;
                    a.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
                }))
                .subscribe().with(done -> { }, e -> LOG.errorf(e, "tamper audit %d failed", id)));
    }

    /** Changes the audit's row in a transaction of its own. */
    private Uni<Void> record(long id, Consumer<LedgerAudit> change) {
        return Panache.withTransaction(() -> audits.findById(id).invoke(change)).replaceWithVoid();
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

    private Uni<List<StoredCheckpoint>> checkpoints(long treeSize) {
        return pool.preparedQuery("select tree_size, root_hash, note from checkpoint where tree_size <= $1 order by tree_size")
                .execute(Tuple.of(treeSize)).map(rows -> {
                    List<StoredCheckpoint> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new StoredCheckpoint(r.getLong("tree_size"), r.getBuffer("root_hash").getBytes(),
                            r.getString("note"))));
                    return out;
                });
    }

    private Uni<Void> chunk(long id, long treeSize, List<StoredCheckpoint> checkpoints, Progress p, Executor onContext) {
        long from = p.size;
        long to = Math.min(treeSize, from + config.ledger().auditChunkSize());
        Uni<Void> work = from >= to ? Uni.createFrom().voidItem() : pool.preparedQuery("""
                        select s.seq, e.venue, e.event_id, e.recorded_at, e.input, encode(e.content_digest, 'hex') as digest,
                               e.account_salt, n.hash as leaf
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
        return work.emitOn(onContext)
                .chain(() -> record(id, a -> {
                    a.done = p.size;
                    a.tampered = json(p.tampered);
                    a.badCheckpoints = json(p.bad);
                    a.checkpointsChecked = p.checkpointsChecked;
                    if (last) {
                        a.status = JobStatus.DONE;
                        a.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    }
                }))
                .chain(() -> last ? Uni.createFrom().voidItem() : chunk(id, treeSize, checkpoints, p, onContext));
    }

    /** Rebuilds one leaf from the stored event, compares it with the log's, and appends the log's leaf to the tree. */
    private void audit(Row r, Progress p) {
        long seq = r.getLong("seq");
        byte[] stored = r.getBuffer("leaf") == null ? null : r.getBuffer("leaf").getBytes();
        if (r.getString("venue") == null) {
            p.tampered.add(new Tampered(seq, "the event is missing: its row was deleted"));
        } else {
            String input = r.getString("input");
            byte[] salt = r.getBuffer("account_salt") == null ? null : r.getBuffer("account_salt").getBytes();
            byte[] rebuilt = LeafContent.leafHash(r.getString("venue"), r.getString("event_id"),
                    Timestamps.format(r.getOffsetDateTime("recorded_at")), parse(input), salt);
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

    private static AuditView view(LedgerAudit a) {
        try {
            return new AuditView(a.id, a.status, a.requestedBy, Timestamps.format(a.requestedAt), a.treeSize, a.done,
                    a.checkpointsChecked, List.of(JSON.readValue(a.tampered, Tampered[].class)),
                    List.of(JSON.readValue(a.badCheckpoints, BadCheckpoint[].class)), Timestamps.format(a.finishedAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit " + a.id + " holds unreadable findings", e);
        }
    }
}
