package io.liqaudit.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.disclosure.Period;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.ledger.LedgerKeys;
import io.liqaudit.ledger.LedgerProofs;
import io.liqaudit.ledger.LedgerResource;
import io.liqaudit.ledger.SignedNote;
import io.liqaudit.liquidation.LiquidationQueries;
import io.liqaudit.platform.JobStatus;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Report runs: started on request (pinned to the latest signed checkpoint and the last
 * recomputation), generated in the background on a worker thread a page at a time into files on
 * disk (memory stays flat whatever the size), packaged with a signed manifest, and kept.
 */
@ApplicationScoped
public class ReportRuns {

    private static final Logger LOG = Logger.getLogger(ReportRuns.class);
    private static final int PAGE = 2000;
    /** Rows of the register proven inclusion in the package, spread evenly over it. */
    static final int PROVEN_SAMPLE = 32;

    /** What a client sees of a run. */
    public record RunView(long id, String reportId, int reportVersion, Map<String, String> parameters, JobStatus status,
            String requestedBy, String requestedAt, long treeSize, long total, long rows, Long rowsPerSecond, Long secondsLeft,
            String finishedAt, String packageUrl, String packageSha256, Long packageBytes, String failure) {
    }

    /** A run started, or why it was not. */
    public record Started(RunView run, String refusal, int status) {
    }

    private final ReportRunRepository runs;
    private final RegisterQueries register;
    private final DiscrepancyQueries discrepancies;
    private final FundStatementQueries fundStatement;
    private final LiquidationPriceQueries prices;
    private final AttestationQueries attestation;
    private final Checkpoints checkpoints;
    private final LedgerProofs proofs;
    private final LedgerKeys keys;
    private final LiquidationQueries events;
    private final LiqauditConfig config;
    private final ObjectMapper json;
    private final Pool pool;
    private final Template pdf;

    ReportRuns(ReportRunRepository runs, RegisterQueries register, DiscrepancyQueries discrepancies,
            FundStatementQueries fundStatement, LiquidationPriceQueries prices, AttestationQueries attestation,
            Checkpoints checkpoints, LedgerProofs proofs, LedgerKeys keys,
            LiquidationQueries events, LiqauditConfig config, ObjectMapper json, Pool pool,
            @Location("reports/pdf.html") Template pdf) {
        this.pdf = pdf;
        this.fundStatement = fundStatement;
        this.prices = prices;
        this.attestation = attestation;
        this.discrepancies = discrepancies;
        this.runs = runs;
        this.register = register;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.keys = keys;
        this.events = events;
        this.config = config;
        this.json = json;
        this.pool = pool;
    }

    /** Starts a run of a report for these (already checked) parameters; refuses when nothing could be pinned or found. */
    public Uni<Started> start(ReportDefinition report, Map<String, String> parameters, Period period, String venue, String by) {
        ReportSource.Scope scope = new ReportSource.Scope(start(period.from()), start(period.to()), venue);
        return checkpoints.latest().chain(cp -> {
            if (cp.isEmpty()) {
                return Uni.createFrom().item(new Started(null, "no signed checkpoint yet to pin the report to; one is signed "
                        + "within a checkpoint interval of the first event", 409));
            }
            Checkpoints.Stored checkpoint = cp.get();
            ReportSource.Pin pin = new ReportSource.Pin(checkpoint.treeSize(), checkpoint.createdAt());
            // For the record: the last recomputation the pin can see.
            return pool.preparedQuery("select coalesce(max(id), 0) from recomputation where computed_at <= $1")
                    .execute(Tuple.of(pin.at()))
                    .map(rows -> rows.iterator().next().getLong(0))
                    .chain(bound -> {
                        return source(report).count(pin, scope).chain(total -> {
                            if (total == 0) {
                                return Uni.createFrom().item(new Started(null, "the signed log holds nothing this report "
                                        + "covers in " + period.label() + (venue == null ? "" : " for venue " + venue)
                                        + "; an empty report would look like a result", 422));
                            }
                            return Panache.withTransaction(() -> {
                                ReportRun run = new ReportRun();
                                run.reportId = report.id();
                                run.reportVersion = report.version();
                                run.parameters = parameters;
                                run.status = JobStatus.RUNNING;
                                run.requestedBy = by;
                                run.requestedAt = Timestamps.nowMicros();
                                run.treeSize = pin.treeSize();
                                run.recomputationBound = bound;
                                run.total = total;
                                return runs.persist(run);
                            }).map(run -> {
                                Infrastructure.getDefaultWorkerPool().execute(
                                        () -> generate(run.id, report, pin, bound, scope, checkpoint, parameters));
                                return new Started(view(run), null, 202);
                            });
                        });
                    });
        });
    }

    public Uni<Optional<RunView>> find(long id) {
        return Panache.withSession(() -> runs.findById(id)).map(r -> Optional.ofNullable(r).map(ReportRuns::view));
    }

    public Uni<List<RunView>> page(Long beforeId, int count) {
        return Panache.withSession(() -> runs.page(beforeId, count)).map(all -> all.stream().map(ReportRuns::view).toList());
    }

    private ReportSource source(ReportDefinition report) {
        return switch (report.id()) {
            case "liquidation-register" -> register;
            case "discrepancies" -> discrepancies;
            case "fund-statement" -> fundStatement;
            case "liquidation-prices" -> prices;
            case "integrity-attestation" -> attestation;
            default -> throw new IllegalStateException("no source for report " + report.id());
        };
    }

    /** A run's package to send, or why there is none: 404 no such run, 409 not done, 410 kept no more. */
    public record Download(Path zip, String filename, int status, String refusal) {
    }

    /** The package of a run, as both the API and the page send it. */
    public Uni<Download> download(long runId) {
        return find(runId).map(found -> {
            if (found.isEmpty()) {
                return new Download(null, null, 404, "No report run " + runId + ".");
            }
            RunView r = found.get();
            if (r.packageUrl() == null) {
                return new Download(null, null, 409, "Run " + runId + " is " + r.status()
                        + (r.failure() == null ? "" : ": " + r.failure()) + "; it has no package.");
            }
            Path zip = packagePath(runId);
            if (!Files.exists(zip)) {
                return new Download(null, null, 410, "The package of run " + runId
                        + " is no longer in the reports directory; an operator can restore it from backup.");
            }
            return new Download(zip, r.reportId() + "-run-" + runId + ".zip", 200, null);
        });
    }

    /** Where a run's finished package is kept. */
    public Path packagePath(long id) {
        return Path.of(config.reports().dir(), "run-" + id, "package.zip");
    }

    /** Generates the package on this (worker) thread: data files page by page, proofs, dictionary, signed manifest, ZIP. */
    private void generate(long runId, ReportDefinition report, ReportSource.Pin pin, long recomputationBound,
            ReportSource.Scope scope,
            Checkpoints.Stored checkpoint, Map<String, String> parameters) {
        try {
            Path dir = Files.createDirectories(Path.of(config.reports().dir(), "run-" + runId));
            List<String> columns = report.columnNames();
            ReportSource source = source(report);
            long total = source.count(pin, scope).await().indefinitely();
            List<List<Object>> sample = new ArrayList<>();
            TreeSet<String> engineVersions = new TreeSet<>();
            Map<String, Long> summary = new java.util.TreeMap<>();
            int summaryColumn = columns.indexOf(report.summaryBy());
            DataFile.Fact csvFact;
            DataFile.Fact jsonFact;
            try (DataFile csv = new DataFile(dir.resolve(report.id() + ".csv"));
                    DataFile jsonl = new DataFile(dir.resolve(report.id() + ".jsonl"))) {
                csv.text(ReportLines.csvHeader(columns));
                Long after = -1L;
                long index = 0;
                while (after != null) {
                    ReportSource.Page next = source.next(pin, scope, after, PAGE).await().indefinitely();
                    for (List<Object> row : next.rows()) {
                        csv.row(ReportLines.csv(row));
                        jsonl.row(ReportLines.jsonLine(columns, row));
                        if (summaryColumn >= 0) {
                            summary.merge(String.valueOf(row.get(summaryColumn)), 1L, Long::sum);
                        }
                        if (columns.contains("engineVersion") && row.get(columns.indexOf("engineVersion")) != null) {
                            engineVersions.add((String) row.get(columns.indexOf("engineVersion")));
                        }
                        // Spread evenly: a row is sampled where index × sample ÷ total steps up (every row when fewer).
                        if (source.eventRows()
                                && (index == 0 || index * PROVEN_SAMPLE / total != (index - 1) * PROVEN_SAMPLE / total)) {
                            sample.add(row);
                        }
                        index++;
                    }
                    after = next.next();
                    pool.preparedQuery("update report_run set rows_written = $2 where id = $1")
                            .execute(Tuple.of(runId, index)).await().indefinitely();
                }
                csvFact = csv.fact();
                jsonFact = jsonl.fact();
            }
            // The proofs first: the offline verifier then keeps only the sampled rows' leaves as it reads the register.
            List<DataFile.Fact> facts = new ArrayList<>(List.of(writeProofs(dir, sample, pin, columns)));
            List<Path> files = new ArrayList<>(List.of(dir.resolve("proofs.jsonl")));
            facts.add(writeJson(dir, "dictionary.json", report));
            files.add(dir.resolve("dictionary.json"));
            LedgerResource.CheckpointView cpView = new LedgerResource.CheckpointView(checkpoint.treeSize(),
                    HexFormat.of().formatHex(checkpoint.rootHash()), Timestamps.format(checkpoint.createdAt()), checkpoint.note());
            facts.add(writeJson(dir, "checkpoint.json", cpView));
            files.add(dir.resolve("checkpoint.json"));
            facts.add(writeJson(dir, "public-key.json", new LedgerResource.PublicKeyView("Ed25519", keys.keyName(),
                    Base64.getEncoder().encodeToString(keys.keys().publicKey()))));
            files.add(dir.resolve("public-key.json"));
            facts.add(csvFact);
            files.add(dir.resolve(report.id() + ".csv"));
            facts.add(jsonFact);
            files.add(dir.resolve(report.id() + ".jsonl"));
            String generatedAt = Timestamps.format(Timestamps.nowMicros());
            long pdfStarted = System.nanoTime();
            facts.add(ReportPdf.write(dir.resolve(report.id() + ".pdf"), pdf.data("report", report).data("run", runId)
                    .data("parameters", parameters).data("treeSize", checkpoint.treeSize())
                    .data("checkpointAt", cpView.timestamp()).data("rootHash", cpView.rootHash())
                    .data("generatedAt", generatedAt).data("rows", csvFact.rows())
                    .data("summary", ReportPdf.summary(summary)).render()));
            files.add(dir.resolve(report.id() + ".pdf"));
            LOG.infof("report run %d: %d rows written, PDF in %d ms", runId, csvFact.rows(),
                    (System.nanoTime() - pdfStarted) / 1_000_000);

            ObjectNode manifest = json.createObjectNode();
            manifest.put("report", report.id()).put("version", report.version()).put("run", runId);
            manifest.set("parameters", json.valueToTree(parameters));
            manifest.put("generatedAt", generatedAt);
            manifest.set("engineVersions", json.valueToTree(engineVersions));
            ObjectNode pinned = manifest.putObject("checkpoint");
            pinned.put("treeSize", checkpoint.treeSize()).put("rootHash", cpView.rootHash()).put("note", checkpoint.note());
            manifest.put("recomputationBound", recomputationBound);
            ArrayNode list = manifest.putArray("files");
            for (DataFile.Fact f : facts) {
                list.addObject().put("name", f.name()).put("bytes", f.bytes()).put("rows", f.rows()).put("sha256", f.sha256());
            }
            byte[] manifestBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            Files.write(dir.resolve("manifest.json"), manifestBytes);
            files.add(dir.resolve("manifest.json"));
            Files.writeString(dir.resolve("manifest.sig"), SignedNote.signBody(ManifestNote.body(keys.origin(),
                    ManifestNote.sha256(manifestBytes)), keys.keyName(), keys.keys().pair().getPrivate(), keys.keys().publicKey()));
            files.add(dir.resolve("manifest.sig"));

            Path zip = packagePath(runId);
            ReportPackage.write(zip, files);
            byte[] sha = ManifestNote.sha256Bytes(zip);
            pool.preparedQuery("""
                            update report_run set status = 'DONE', rows_written = $2, finished_at = $3, package_sha256 = $4,
                                package_bytes = $5 where id = $1""")
                    .execute(Tuple.tuple().addValue(runId).addValue(csvFact.rows()).addValue(Timestamps.nowMicros())
                            .addBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(sha)).addValue(Files.size(zip)))
                    .await().indefinitely();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "report run %d failed", runId);
            pool.preparedQuery("update report_run set status = 'FAILED', finished_at = $2, failure = $3 where id = $1")
                    .execute(Tuple.of(runId, Timestamps.nowMicros(), String.valueOf(e.getMessage())))
                    .await().atMost(Duration.ofSeconds(30));
        }
    }

    /** For each sampled row: the event's content (to rebuild its leaf) and its inclusion proof in the pinned tree. */
    private DataFile.Fact writeProofs(Path dir, List<List<Object>> sample, ReportSource.Pin pin, List<String> columns)
            throws IOException {
        try (DataFile out = new DataFile(dir.resolve("proofs.jsonl"))) {
            for (List<Object> row : sample) {
                String venue = (String) row.get(columns.indexOf("venue"));
                String eventId = (String) row.get(columns.indexOf("eventId"));
                long sequence = (Long) row.get(0);
                LiquidationQueries.StoredEvent e = events.find(venue, eventId).await().indefinitely().orElseThrow();
                LedgerProofs.InclusionProof proof = proofs.inclusion(sequence, pin.treeSize()).await().indefinitely();
                ObjectNode line = json.createObjectNode();
                line.put("sequence", sequence).put("leafHash", proof.leafHash()).put("venue", venue).put("eventId", eventId)
                        .put("recordedAt", e.recordedAt());
                line.set("input", e.input());
                if (e.accountSalt() != null) { // a version-2 leaf commits to the account with it
                    line.put("accountSalt", e.accountSalt());
                }
                line.set("auditPath", json.valueToTree(proof.auditPath()));
                out.row(json.writeValueAsString(line) + "\n");
            }
            out.close();
            return out.fact();
        }
    }

    private DataFile.Fact writeJson(Path dir, String name, Object value) throws IOException {
        try (DataFile out = new DataFile(dir.resolve(name))) {
            out.text(json.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
            out.close();
            return out.fact();
        }
    }

    static RunView view(ReportRun r) {
        long elapsed = Duration.between(r.requestedAt, r.finishedAt != null ? r.finishedAt
                : OffsetDateTime.now(ZoneOffset.UTC)).toMillis();
        Long rowsPerSecond = elapsed <= 0 || r.rowsWritten == 0 ? null : r.rowsWritten * 1000 / elapsed;
        Long secondsLeft = r.status != JobStatus.RUNNING || r.rowsWritten == 0 ? null
                : (long) Math.ceil((r.total - r.rowsWritten) * (elapsed / 1000.0) / r.rowsWritten);
        return new RunView(r.id, r.reportId, r.reportVersion, r.parameters, r.status, r.requestedBy,
                Timestamps.format(r.requestedAt), r.treeSize, r.total, r.rowsWritten, rowsPerSecond, secondsLeft, Timestamps.format(r.finishedAt),
                r.status == JobStatus.DONE ? "/api/v1/reports/runs/" + r.id + "/package" : null,
                r.packageSha256 == null ? null : HexFormat.of().formatHex(r.packageSha256), r.packageBytes, r.failure);
    }

    private static OffsetDateTime start(java.time.LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
