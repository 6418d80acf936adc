package io.liqaudit.liquidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.ledger.LeafContent;
import io.liqaudit.engine.Verdict;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.json.CanonicalJson;
import io.liqaudit.platform.problem.Problem.FieldError;
import io.liqaudit.recording.RecordStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records liquidation events: reads and checks each, recomputes it, and hands the well-formed
 * ones to the sequencer ({@link GroupCommit}), which records a request's items in one
 * transaction, together with other requests waiting. A malformed item never reaches the database,
 * and in a batch it never blocks the others.
 */
@ApplicationScoped
public class IngestService {

    /** The result for one item of a request; {@code problems} only for INVALID, {@code sequence} otherwise. */
    public record ItemResult(int index, RecordStatus status, String venue, String eventId, Long sequence,
            Verdict verdict, List<FieldError> problems) {
    }

    private final GroupCommit groupCommit;
    private final LiqauditConfig config;
    private final IngestMetrics metrics;

    IngestService(GroupCommit groupCommit, LiqauditConfig config, IngestMetrics metrics) {
        this.metrics = metrics;
        this.groupCommit = groupCommit;
        this.config = config;
    }

    public int maxBatchSize() {
        return config.ingest().maxBatchSize();
    }

    /** An item that cannot be recorded: the JSON paths of its bad fields. */
    record Malformed(List<FieldError> problems) implements Prepared {
    }

    /** Checks and recomputes one item; either a submission or the problems that make it malformed. */
    static Prepared prepare(JsonNode item, String pathPrefix, Instant latest) {
        EventJsonReader.Result read = EventJsonReader.read(item, latest);
        if (!read.isValid()) {
            return new Malformed(read.problems().stream()
                    .map(p -> new FieldError(pathPrefix + p.field().substring(1), p.message())).toList());
        }
        String canonical = CanonicalJson.text(item);
        EngineResult recomputation = LiquidationEngine.replay(read.event());
        byte[] salt = LeafContent.newSalt();
        return new Submission(read.event(), canonical, CanonicalJson.sha256(canonical), recomputation,
                RecomputationWriter.Columns.of(recomputation), salt,
                LeafContent.template(read.event().venue(), read.event().eventId(), item, salt));
    }

    public Uni<List<ItemResult>> record(List<JsonNode> items, String pathPrefixFormat, String by) {
        long started = System.nanoTime();
        return recordAll(items, pathPrefixFormat, by).invoke(results -> metrics.answered(results, started));
    }

    private Uni<List<ItemResult>> recordAll(List<JsonNode> items, String pathPrefixFormat, String by) {
        List<ItemResult> results = new ArrayList<>(items.size());
        List<Submission> submissions = new ArrayList<>();
        List<Integer> submissionIndex = new ArrayList<>();
        Instant latest = Instant.now().plus(config.ingest().maxClockSkew());
        for (int i = 0; i < items.size(); i++) {
            Prepared prepared = prepare(items.get(i), String.format(pathPrefixFormat, i), latest);
            if (prepared instanceof Submission s) {
                submissions.add(s);
                submissionIndex.add(i);
                results.add(null);
            } else if (prepared instanceof Malformed m) {
                JsonNode item = items.get(i);
                results.add(new ItemResult(i, RecordStatus.INVALID, textOrNull(item, "venue"), textOrNull(item, "eventId"), null, null,
                        m.problems()));
            }
        }
        if (submissions.isEmpty()) {
            return Uni.createFrom().item(results);
        }
        return groupCommit.record(submissions.stream().map(s -> new LiquidationRepository.Arrival(s, by)).toList())
                .map(outcomes -> {
                    for (int k = 0; k < outcomes.size(); k++) {
                        Submission s = submissions.get(k);
                        RecordOutcome o = outcomes.get(k);
                        int index = submissionIndex.get(k);
                        results.set(index, new ItemResult(index, o.status(), s.venue(), s.eventId(), o.sequence(),
                                o.status() == RecordStatus.CONFLICT ? null : s.recomputation().verdict(),
                                null));
                    }
                    return results;
                });
    }

    /** The item's identity as sent, echoed only when it is a valid identifier (never hostile text). */
    private static String textOrNull(JsonNode item, String field) {
        String value = item != null && item.isObject() && item.path(field).isTextual() ? item.get(field).textValue() : null;
        return InputRules.isIdentifier(value) ? value : null;
    }
}
