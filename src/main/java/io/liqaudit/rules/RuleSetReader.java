package io.liqaudit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.json.JsonFields;
import io.liqaudit.platform.problem.Problem.FieldError;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a rule set as a venue publishes it, or says what is malformed, naming every bad field by
 * its JSON path: the contract, tiers and policy exactly as in an event (the same reader, then the
 * spec's checks of tiers and policy that make an event unverifiable, here a 400), plus the
 * contract's quote currency and the symbol's mark-price outlier band.
 */
public final class RuleSetReader {

    /** The most symbols one rule set may name. */
    static final int MAX_SYMBOLS = 500;
    private static final Set<String> TOP = Set.of("ruleVersion", "effectiveFrom", "effectiveTo", "symbols");
    private static final Set<String> SYMBOL = Set.of("contract", "riskTiers", "policy", "outlierBand");
    private static final Set<String> CONTRACT = Set.of("tickSize", "lotSize", "quoteScale", "quoteCurrency");

    /** The rule set, or the problems that make it malformed (then {@code ruleSet} is null). */
    public record Read(RuleSet ruleSet, List<FieldError> problems) {
    }

    private RuleSetReader() {
    }

    public static Read read(JsonNode root) {
        JsonFields f = new JsonFields(InputRules.END);
        if (root == null || !root.isObject()) {
            f.problem("$", "must be a JSON object");
            return new Read(null, f.problems());
        }
        f.onlyKnown(new JsonFields.At(root, "$"), TOP);
        String version = f.identifier(root, "$", "ruleVersion", true);
        Instant from = f.timestamp(root, "$", "effectiveFrom", true);
        Instant to = f.timestamp(root, "$", "effectiveTo", false);
        if (from != null && to != null && !to.isAfter(from)) {
            f.problem("$.effectiveTo", "must be after effectiveFrom");
        }
        Map<String, RuleSet.SymbolRules> symbols = new TreeMap<>();
        JsonNode all = root.get("symbols");
        if (all == null || !all.isObject() || all.isEmpty()) {
            f.problem("$.symbols", "must be an object naming at least one symbol");
        } else if (all.size() > MAX_SYMBOLS) {
            f.problem("$.symbols", "names more than " + MAX_SYMBOLS + " symbols");
        } else {
            EventJsonReader.Parts parts = new EventJsonReader.Parts(f);
            for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "$.symbols." + e.getKey();
                if (!InputRules.isIdentifier(e.getKey())) {
                    f.problem(path, "a symbol " + InputRules.IDENTIFIER_RULE);
                    continue;
                }
                RuleSet.SymbolRules rules = symbol(f, parts, e.getValue(), path);
                if (rules != null) {
                    symbols.put(e.getKey(), rules);
                }
            }
        }
        if (!f.ok()) {
            return new Read(null, f.problems());
        }
        return new Read(new RuleSet(version, from, to, symbols), List.of());
    }

    private static RuleSet.SymbolRules symbol(JsonFields f, EventJsonReader.Parts parts, JsonNode node, String path) {
        if (!node.isObject()) {
            f.problem(path, "must be an object");
            return null;
        }
        f.onlyKnown(new JsonFields.At(node, path), SYMBOL);
        JsonNode contractNode = node.get("contract");
        LiquidationEvent.Contract contract = null;
        String currency = null;
        if (contractNode == null || !contractNode.isObject()) {
            f.problem(path + ".contract", "must be an object");
        } else {
            String at = path + ".contract";
            f.onlyKnown(new JsonFields.At(contractNode, at), CONTRACT);
            var tick = f.decimal(contractNode, at, "tickSize", true);
            var lot = f.decimal(contractNode, at, "lotSize", true);
            Integer scale = f.integer(contractNode, at, "quoteScale", true, 0, 18);
            currency = f.text(contractNode, at, "quoteCurrency", true, 12);
            if (currency != null && !InputRules.isCurrency(currency)) {
                f.problem(at + ".quoteCurrency", InputRules.CURRENCY_RULE);
            }
            if (tick != null && lot != null && scale != null) {
                contract = new LiquidationEvent.Contract(tick, lot, scale);
            }
        }
        int problemsBefore = f.problems().size();
        List<LiquidationEvent.RiskTier> tiers = parts.riskTiers(node, path);
        LiquidationEvent.Policy policy = parts.policy(node, path);
        boolean whole = f.problems().size() == problemsBefore;
        var band = f.decimal(node, path, "outlierBand", true);
        // The spec's tier and policy rules only over tiers and a policy that read whole: a bad field leaves
        // a hole in them (found by HostileInputFuzzTest: a tier without its rate was a 500).
        if (contract == null || tiers == null || policy == null || tiers.contains(null) || !whole) {
            return null;
        }
        // The spec's rules an event's tiers and policy must keep (ENGINE-SPEC section 9), each named by its field.
        for (String reason : LiquidationEngine.ruleProblems(contract, tiers, policy)) {
            int colon = reason.indexOf(':');
            boolean named = colon > 0 && !reason.substring(0, colon).contains(" ");
            f.problem(path + "." + (named ? reason.substring(0, colon) : reason.split(" ")[0]),
                    named ? reason.substring(colon + 1).strip() : reason);
        }
        return band == null ? null : new RuleSet.SymbolRules(contract, currency, tiers, policy, band);
    }
}
