package io.liqaudit.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.cases.CaseAction;
import io.liqaudit.cases.CaseView;
import io.liqaudit.cases.Cases;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.ledger.LedgerKeys;
import io.liqaudit.ledger.LedgerProofs;
import io.liqaudit.ledger.LedgerResource;
import io.liqaudit.liquidation.EventTrace;
import io.liqaudit.liquidation.LiquidationQueries;
import io.liqaudit.platform.ReadPool;
import io.liqaudit.platform.Timestamps;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Evidence bundles: everything needed to check one event without trusting this service, in one
 * ZIP — the event as served (input, recomputations, standing), the engine's trace, the case and
 * its timeline, the inclusion proof to the latest signed checkpoint, the checkpoint, the public
 * key and a README. Each export is stored under its SHA-256 (the one writer of evidence_bundle)
 * and, when the event has a case, named in the case's timeline.
 */
@ApplicationScoped
public class EvidenceBundles {

    private static final HexFormat HEX = HexFormat.of();

    /** A stored bundle's facts, without its bytes. */
    public record Exported(String sha256, String venue, String eventId, long eventSequence, Long caseId, long treeSize,
            String createdBy, String createdAt, int size) {

        public String fileName() {
            return "evidence-" + venue + "-" + eventId + "-" + sha256.substring(0, 12) + ".zip";
        }
    }

    /** What an export came to: the bundle, or why there is none yet. */
    public record Export(Optional<Exported> bundle, String notYet) {
    }

    private final LiquidationQueries events;
    private final Checkpoints checkpoints;
    private final LedgerProofs proofs;
    private final LedgerKeys keys;
    private final Cases cases;
    private final ObjectMapper json;
    private final Pool pool;
    private final Pool reads;

    EvidenceBundles(LiquidationQueries events, Checkpoints checkpoints, LedgerProofs proofs, LedgerKeys keys, Cases cases,
            ObjectMapper json, Pool pool, @ReactiveDataSource(ReadPool.NAME) Pool reads) {
        this.events = events;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.keys = keys;
        this.cases = cases;
        this.json = json;
        this.pool = pool;
        this.reads = reads;
    }

    /**
     * Makes, stores and records the bundle of an event; empty when there is no such event, and
     * {@code notYet} when no signed checkpoint covers it yet (one is signed within a checkpoint
     * interval).
     */
    public Uni<Optional<Export>> export(String venue, String eventId, String actor) {
        return events.find(venue, eventId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Export>empty());
            }
            LiquidationQueries.StoredEvent e = found.get();
            return checkpoints.latest().chain(cp -> {
                if (cp.isEmpty() || cp.get().treeSize() <= e.sequence()) {
                    return Uni.createFrom().item(Optional.of(new Export(Optional.empty(), "event " + venue + "/" + eventId
                            + " is not yet in a signed checkpoint; one is signed within a checkpoint interval")));
                }
                Checkpoints.Stored checkpoint = cp.get();
                return cases.ofEvent(e.sequence())
                        .chain(c -> c.isEmpty() ? Uni.createFrom().item(Optional.<CaseView>empty()) : cases.find(c.get().id()))
                        .chain(caseView -> store(e, checkpoint, caseView, actor));
            });
        });
    }

    private Uni<Optional<Export>> store(LiquidationQueries.StoredEvent e, Checkpoints.Stored checkpoint,
            Optional<CaseView> caseView, String actor) {
        return proofs.inclusion(e.sequence(), checkpoint.treeSize()).chain(proof -> {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("README.txt", BundleReadme.text(e.venue(), e.eventId(), e.sequence(), checkpoint.treeSize(),
                    keys.keyName(), caseView.map(CaseView::id).orElse(null)));
            files.put("event.json", write(e));
            files.put("trace.json", write(EventTrace.of(e)));
            caseView.ifPresent(c -> files.put("case.json", write(c)));
            files.put("inclusion-proof.json", write(proof));
            files.put("checkpoint.json", write(new LedgerResource.CheckpointView(checkpoint.treeSize(),
                    HEX.formatHex(checkpoint.rootHash()), Timestamps.format(checkpoint.createdAt()), checkpoint.note())));
            files.put("public-key.json", write(new LedgerResource.PublicKeyView("Ed25519", keys.keyName(),
                    Base64.getEncoder().encodeToString(keys.keys().publicKey()))));
            byte[] zip = BundleFiles.zip(files);
            String sha = BundleFiles.sha256Hex(zip);
            OffsetDateTime now = Timestamps.nowMicros();
            Long caseId = caseView.map(CaseView::id).orElse(null);
            Exported exported = new Exported(sha, e.venue(), e.eventId(), e.sequence(), caseId, checkpoint.treeSize(), actor,
                    Timestamps.format(now), zip.length);
            Uni<?> recorded = pool.preparedQuery("""
                            insert into evidence_bundle (sha256, venue, event_id, event_sequence, case_id, tree_size, created_by,
                                created_at, content)
                            values (decode($1, 'hex'), $2, $3, $4, $5, $6, $7, $8, $9) on conflict (sha256) do nothing""")
                    .execute(Tuple.tuple().addValue(sha).addValue(e.venue()).addValue(e.eventId()).addValue(e.sequence())
                            .addValue(caseId).addValue(checkpoint.treeSize()).addValue(actor).addValue(now)
                            .addBuffer(Buffer.buffer(zip)));
            return recorded.chain(() -> caseId == null ? Uni.createFrom().voidItem()
                            : cases.act(caseId, CaseAction.EVIDENCE, actor, new Cases.Request(null,
                                    "evidence bundle " + exported.fileName() + ", SHA-256 " + sha, null, null)).replaceWithVoid())
                    .map(v -> Optional.of(new Export(Optional.of(exported), null)));
        });
    }

    /** A stored bundle's facts by its SHA-256 (hex). */
    public Uni<Optional<Exported>> find(String sha256) {
        return reads.preparedQuery("""
                        select encode(sha256, 'hex') as sha, venue, event_id, event_sequence, case_id, tree_size, created_by,
                               created_at, octet_length(content) as size
                        from evidence_bundle where sha256 = decode($1, 'hex')""")
                .execute(Tuple.of(sha256)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Exported(r.getString("sha"), r.getString("venue"), r.getString("event_id"),
                            r.getLong("event_sequence"), r.getLong("case_id"), r.getLong("tree_size"),
                            r.getString("created_by"), Timestamps.format(r.getOffsetDateTime("created_at")),
                            r.getInteger("size")));
                });
    }

    /** A stored bundle's bytes by its SHA-256 (hex). */
    public Uni<Optional<byte[]>> content(String sha256) {
        return reads.preparedQuery("select content from evidence_bundle where sha256 = decode($1, 'hex')")
                .execute(Tuple.of(sha256)).map(rows -> rows.iterator().hasNext()
                        ? Optional.of(rows.iterator().next().getBuffer("content").getBytes()) : Optional.empty());
    }

    private String write(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
