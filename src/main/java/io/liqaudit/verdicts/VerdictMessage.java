package io.liqaudit.verdicts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.Verdict;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.util.List;

/**
 * One message of the {@code liquidation-verdicts} topic: a recorded event's verdict as it stood
 * when it was recorded (engine, fund chain and published rules together), its finding codes, the
 * engine's field differences and its leaf in the log. The schema is in README ("Streaming ingest").
 */
@JsonPropertyOrder({"sequence", "venue", "eventId", "recordedAt", "verdict", "findings", "unverifiableReasons",
        "differences", "engineVersion", "leafHash"})
public record VerdictMessage(long sequence, String venue, String eventId, String recordedAt, Verdict verdict,
        List<String> findings, List<String> unverifiableReasons, List<EngineResult.Difference> differences,
        String engineVersion, String leafHash) {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    public VerdictMessage {
        findings = List.copyOf(findings);
        unverifiableReasons = List.copyOf(unverifiableReasons);
        differences = List.copyOf(differences);
    }

    /** One line of JSON: the outbox keeps a batch's messages one per line. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a verdict message could not be written", e);
        }
    }
}
