package io.liqaudit.liquidation;

import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.engine.TraceEntry;
import io.liqaudit.engine.Traced;
import io.liqaudit.engine.Verdict;
import io.liqaudit.eventjson.EventJsonReader;
import java.util.List;

/**
 * The engine's account of a recorded event's replay, step by step: each quantity with its
 * formula, the numbers put into it and the result (ENGINE-SPEC's words). Recomputed from the
 * stored input by the current engine — a pure function, so the same numbers as its
 * recomputation by this engine version.
 */
public record EventTrace(String venue, String eventId, long sequence, String engineVersion, Verdict verdict,
        List<String> unverifiableReasons, List<TraceEntry> steps) {

    public static EventTrace of(LiquidationQueries.StoredEvent stored) {
        EventJsonReader.Result read = EventJsonReader.readStored(stored.input());
        if (!read.isValid()) {
            return new EventTrace(stored.venue(), stored.eventId(), stored.sequence(), LiquidationEngine.VERSION,
                    Verdict.UNVERIFIABLE, List.of("the stored input does not read as an event under today's input rules"),
                    List.of());
        }
        Traced traced = LiquidationEngine.trace(read.event());
        List<String> reasons = traced.result() instanceof EngineResult.Unverifiable u ? u.unverifiableReasons() : List.of();
        return new EventTrace(stored.venue(), stored.eventId(), stored.sequence(), traced.result().engineVersion(),
                traced.result().verdict(), reasons, traced.trace());
    }
}
