package io.liqaudit.rules;

import io.liqaudit.engine.LiquidationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A venue's published rules: the ruleVersion its events cite, the period it is in force
 * ({@code effectiveTo} null: until a later rule set), and per symbol what an event carries.
 */
public record RuleSet(String ruleVersion, Instant effectiveFrom, Instant effectiveTo, Map<String, SymbolRules> symbols) {

    /** One symbol's rules: the contract (with its quote currency), risk tiers, policy and mark-price outlier band. */
    public record SymbolRules(LiquidationEvent.Contract contract, String quoteCurrency, List<LiquidationEvent.RiskTier> riskTiers,
            LiquidationEvent.Policy policy, BigDecimal outlierBand) {
    }
}
