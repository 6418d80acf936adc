package io.liqaudit.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a replay writes its trace; does nothing when the replay is not traced (the ordinary
 * {@code replay}), so tracing costs a replay nothing unless asked for. Every number it writes is
 * one the replay computed, or computed by the same functions from the same state.
 */
final class Tracer {

    private final List<TraceEntry> out;
    private final LiquidationEvent event;

    Tracer(List<TraceEntry> out, LiquidationEvent event) {
        this.out = out;
        this.event = event;
    }

    /** Named inputs, in the order given: name, value, name, value, … */
    static Map<String, BigDecimal> inputs(Object... namesAndValues) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], (BigDecimal) namesAndValues[i + 1]);
        }
        return map;
    }

    void note(String section, Integer step, String name, String formula, Map<String, BigDecimal> inputs, BigDecimal value,
            String conclusion) {
        if (out != null) {
            out.add(new TraceEntry(section, step, name, formula, inputs, value, conclusion));
        }
    }

    /** Equity against requirement at a price (section 3), and what the replay concluded from them. */
    void health(String section, Integer step, String name, MarginModel margin, BigDecimal q, BigDecimal collateral,
            BigDecimal price, BigDecimal openOrderMargin, String conclusion) {
        if (out == null) {
            return;
        }
        LiquidationEvent.Position p = event.position();
        BigDecimal notional = q.multiply(price);
        int tier = margin.tierIndexOf(notional);
        LiquidationEvent.RiskTier t = margin.tiers().get(tier);
        BigDecimal equity = margin.equity(q, collateral, price);
        BigDecimal requirement = margin.requirement(q, price, openOrderMargin);
        note(section, step, "equity at " + name, "Eq(P) = C + s·Q·(P − entryPrice) + otherUnrealizedPnl",
                inputs("C", collateral, "s", margin.sign(), "Q", q, "P", price, "entryPrice", p.entryPrice(),
                        "otherUnrealizedPnl", p.otherUnrealizedPnl()), equity, null);
        note(section, step, "requirement at " + name, "Req(P) = N·mmr_t − maintenanceAmount_t + otherMaintenanceMargin"
                        + " + openOrderMargin, N = Q·P, t = tier " + (tier + 1) + " of the notional",
                inputs("N", notional, "mmr_t", t.maintenanceMarginRate(), "maintenanceAmount_t", t.maintenanceAmount(),
                        "otherMaintenanceMargin", p.otherMaintenanceMargin(), "openOrderMargin", openOrderMargin),
                requirement, null);
        note(section, step, name, "healthy ⇔ Eq(P) > Req(P)", inputs("Eq(P)", equity, "Req(P)", requirement), null,
                conclusion);
    }

    /** Section 8, from the settlement the replay made. */
    void settlement(LiquidationEvent e, LiquidationEngine.Settlement s, BigDecimal collateral) {
        if (out == null) {
            return;
        }
        note("8", null, "liquidated quantity", "Σ fill quantities", Map.of(), s.liquidatedQuantity(), null);
        note("8", null, "total fee", "Σ fees", Map.of(), s.totalFee(), null);
        note("8", null, "outcome", "NONE (no fills), PARTIAL (still open) or FULL (closed)", Map.of(), null,
                s.outcome().name());
        if (s.outcome() == Outcome.FULL) {
            boolean isolated = e.position().marginMode() == MarginMode.ISOLATED;
            BigDecimal residual = isolated ? collateral : collateral.add(e.position().otherUnrealizedPnl());
            note("8", null, "residual", isolated ? "residual = C (ISOLATED)" : "residual = C + otherUnrealizedPnl (CROSS)",
                    isolated ? inputs("C", collateral) : inputs("C", collateral, "otherUnrealizedPnl",
                            e.position().otherUnrealizedPnl()), residual,
                    residual.signum() >= 0 ? "not negative: no bankruptcy loss" : "negative: a bankruptcy loss");
        }
        note("8", null, "excess equity", "ISOLATED and closed with residual ≥ 0: the residual; else 0", Map.of(),
                s.excessEquity(), e.policy().excessEquity().name());
        note("8", null, "trader return", "the excess equity when it is returned to the trader; else 0", Map.of(),
                s.traderReturn(), null);
        note("8", null, "bankruptcy loss", "−residual when the residual is negative; else 0", Map.of(), s.bankruptcyLoss(),
                null);
        note("8", null, "ADL shortfall", "bankruptcyLoss − min(bankruptcyLoss, balanceBefore + fees to the fund)",
                inputs("bankruptcyLoss", s.bankruptcyLoss(), "balanceBefore", e.insuranceFund().balanceBefore()),
                s.adlShortfall(), null);
        note("8", null, "insurance fund delta", "fees (when they go to the fund) + excess equity kept − draw for the loss",
                inputs("totalFee", s.totalFee(), "excessEquity", s.excessEquity(), "bankruptcyLoss", s.bankruptcyLoss(),
                        "adlShortfall", s.adlShortfall()), s.insuranceFundDelta(), e.policy().feeRecipient().name());
        note("8", null, "insurance fund balance after", "balanceBefore + insuranceFundDelta",
                inputs("balanceBefore", e.insuranceFund().balanceBefore(), "insuranceFundDelta", s.insuranceFundDelta()),
                s.insuranceFundBalanceAfter(), null);
    }
}
