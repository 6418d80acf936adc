package io.liqaudit.rules;

import io.liqaudit.engine.DecimalText;
import io.liqaudit.engine.LiquidationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares an event's own rules (contract, risk tiers, policy, mark-price outlier band) with those
 * its venue published (docs/RULES.md, "Comparison"). Pure, like the engine beside it: an event and
 * the venue's rule sets in, the findings out, in a fixed order.
 */
public final class RuleComparison {

    /** What an event's rules are, against its venue's publications. */
    public enum Standing {
        /** The venue has published no rule set: the event is verified on its own rules, as before. */
        NOT_PUBLISHED,
        /** The event cites a rule set in force when it happened and carries exactly its rules. */
        FOLLOWS,
        /** At least one finding: the verdict is DISCREPANT. */
        BREAKS
    }

    public enum Code {
        /** The venue published no rule set with the event's ruleVersion that covers its symbol. */
        RULE_VERSION_UNKNOWN,
        /** The cited rule set was not in force at occurredAt. */
        RULE_VERSION_NOT_IN_FORCE,
        /** A rule the event carries differs from the published one. */
        RULES_MISMATCH
    }

    /** One finding: the event's field (its JSON path), the published value and the event's, as text. */
    public record Finding(Code code, String field, String published, String event) {
    }

    public record Result(Standing standing, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        public List<String> codes() {
            return findings.stream().map(f -> f.code().name()).distinct().sorted().toList();
        }
    }

    /** Written where a value is absent (an unbounded tier's cap, a policy's unused restore buffer). */
    static final String NONE = "none";

    private RuleComparison() {
    }

    /** @param published the venue's rule sets by ruleVersion (empty: it published none) */
    public static Result check(LiquidationEvent event, Map<String, RuleSet> published) {
        if (published.isEmpty()) {
            return new Result(Standing.NOT_PUBLISHED, List.of());
        }
        List<Finding> findings = new ArrayList<>();
        RuleSet cited = published.get(event.ruleVersion());
        RuleSet.SymbolRules rules = cited == null ? null : cited.symbols().get(event.symbol());
        if (rules == null) {
            findings.add(new Finding(Code.RULE_VERSION_UNKNOWN, "ruleVersion", NONE, event.ruleVersion()));
            return new Result(Standing.BREAKS, findings);
        }
        if (!inForce(cited, event.occurredAt())) {
            findings.add(new Finding(Code.RULE_VERSION_NOT_IN_FORCE, "occurredAt", period(cited), event.occurredAt().toString()));
        }
        compareContract(rules, event.contract(), findings);
        compareTiers(rules.riskTiers(), event.riskTiers(), findings);
        comparePolicy(rules.policy(), event.policy(), findings);
        LiquidationEvent.MarkPriceInputs inputs = event.market().markPriceInputs();
        if (inputs != null) {
            decimal("market.markPriceInputs.outlierBand", rules.outlierBand(), inputs.outlierBand(), findings);
        }
        return new Result(findings.isEmpty() ? Standing.FOLLOWS : Standing.BREAKS, findings);
    }

    /** Half-open: in force from effectiveFrom inclusive to effectiveTo exclusive (none: without end). */
    static boolean inForce(RuleSet rules, Instant at) {
        return !at.isBefore(rules.effectiveFrom()) && (rules.effectiveTo() == null || at.isBefore(rules.effectiveTo()));
    }

    private static String period(RuleSet rules) {
        return "[" + rules.effectiveFrom() + ", " + (rules.effectiveTo() == null ? "" : rules.effectiveTo().toString()) + ")";
    }

    private static void compareContract(RuleSet.SymbolRules rules, LiquidationEvent.Contract event, List<Finding> out) {
        decimal("contract.tickSize", rules.contract().tickSize(), event.tickSize(), out);
        decimal("contract.lotSize", rules.contract().lotSize(), event.lotSize(), out);
        same("contract.quoteScale", rules.contract().quoteScale(), event.quoteScale(), out);
    }

    private static void compareTiers(List<LiquidationEvent.RiskTier> published, List<LiquidationEvent.RiskTier> event,
            List<Finding> out) {
        if (published.size() != event.size()) {
            out.add(new Finding(Code.RULES_MISMATCH, "riskTiers.length", String.valueOf(published.size()),
                    String.valueOf(event.size())));
        }
        for (int i = 0; i < Math.min(published.size(), event.size()); i++) {
            LiquidationEvent.RiskTier p = published.get(i);
            LiquidationEvent.RiskTier e = event.get(i);
            String at = "riskTiers[" + i + "].";
            decimal(at + "notionalFloor", p.notionalFloor(), e.notionalFloor(), out);
            decimal(at + "notionalCap", p.notionalCap(), e.notionalCap(), out);
            decimal(at + "maintenanceMarginRate", p.maintenanceMarginRate(), e.maintenanceMarginRate(), out);
            decimal(at + "maintenanceAmount", p.maintenanceAmount(), e.maintenanceAmount(), out);
        }
    }

    private static void comparePolicy(LiquidationEvent.Policy p, LiquidationEvent.Policy e, List<Finding> out) {
        same("policy.mode", p.mode(), e.mode(), out);
        if (!sameDecimals(p.fractions(), e.fractions())) {
            out.add(new Finding(Code.RULES_MISMATCH, "policy.fractions", decimals(p.fractions()), decimals(e.fractions())));
        }
        decimal("policy.restoreBuffer", p.restoreBuffer(), e.restoreBuffer(), out);
        decimal("policy.liquidationFeeRate", p.liquidationFeeRate(), e.liquidationFeeRate(), out);
        same("policy.feeRecipient", p.feeRecipient(), e.feeRecipient(), out);
        same("policy.excessEquity", p.excessEquity(), e.excessEquity(), out);
        same("policy.maxSteps", p.maxSteps(), e.maxSteps(), out);
    }

    /** Decimals are equal by value: a published 0.01 and an event's 0.010 agree. */
    private static void decimal(String field, BigDecimal published, BigDecimal event, List<Finding> out) {
        boolean equal = published == null ? event == null : event != null && published.compareTo(event) == 0;
        if (!equal) {
            out.add(new Finding(Code.RULES_MISMATCH, field, text(published), text(event)));
        }
    }

    private static void same(String field, Object published, Object event, List<Finding> out) {
        if (!Objects.equals(published, event)) {
            out.add(new Finding(Code.RULES_MISMATCH, field, published == null ? NONE : published.toString(),
                    event == null ? NONE : event.toString()));
        }
    }

    private static boolean sameDecimals(List<BigDecimal> a, List<BigDecimal> b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).compareTo(b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String decimals(List<BigDecimal> values) {
        return values == null ? NONE : values.stream().map(DecimalText::of).toList().toString();
    }

    private static String text(BigDecimal value) {
        return value == null ? NONE : DecimalText.of(value);
    }
}
