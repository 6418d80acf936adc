package io.liqaudit.engine;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of the engine's own account of a replay: which quantity (in ENGINE-SPEC's words),
 * its formula, the numbers put into it, and what came out — a number ({@code value}), a
 * conclusion in words, or both. Made by the replay itself at the point it computes, so a trace
 * states exactly the numbers the result holds.
 *
 * @param section the ENGINE-SPEC section the rule comes from
 * @param step the replay step it belongs to, or null for the event as a whole
 */
public record TraceEntry(String section, Integer step, String name, String formula, Map<String, BigDecimal> inputs,
        BigDecimal value, String conclusion) {

    public TraceEntry {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }
}
