package io.liqaudit.engine;

import java.util.List;

/** A replay's result together with its trace: the same result {@link LiquidationEngine#replay} gives. */
public record Traced(EngineResult result, List<TraceEntry> trace) {

    public Traced {
        trace = List.copyOf(trace);
    }
}
