package io.liqaudit.engine;

import io.liqaudit.engine.EngineResult.Finding;
import io.liqaudit.engine.EngineResult.Step;
import io.liqaudit.engine.LiquidationEvent.Fill;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a liquidation event under ENGINE-SPEC version 1 and says whether the venue's
 * report and fills are consistent with the published rules. Stateless and thread-safe.
 */
public final class LiquidationEngine {

    /** The engine's semantic version; see the package documentation for when it changes. */
    public static final String VERSION = "1.0.0";

    private LiquidationEngine() {
    }

    /** Never throws for a well-formed event: what cannot be replayed is {@link Verdict#UNVERIFIABLE}. */
    /**
     * What would make an event with this contract, these tiers and this policy unverifiable (the
     * spec's rules for them), for a venue's published rules; empty when they keep them.
     */
    public static java.util.List<String> ruleProblems(LiquidationEvent.Contract contract,
            java.util.List<LiquidationEvent.RiskTier> tiers, LiquidationEvent.Policy policy) {
        return EventChecks.ruleReasons(contract, tiers, policy);
    }

    public static EngineResult replay(LiquidationEvent event) {
        return replay(event, null);
    }

    /**
     * The replay with its trace: every quantity the replay computes, with its formula and the
     * numbers put into it, recorded where it is computed (so never different from the result).
     * The result is the one {@link #replay(LiquidationEvent)} gives.
     */
    public static Traced trace(LiquidationEvent event) {
        List<TraceEntry> trace = new ArrayList<>();
        return new Traced(replay(event, trace), trace);
    }

    private static EngineResult replay(LiquidationEvent event, List<TraceEntry> trace) {
        List<String> reasons = EventChecks.reasons(event);
        if (!reasons.isEmpty()) {
            return EngineResult.unverifiable(event.eventId(), reasons);
        }
        BigDecimal tick = event.contract().tickSize();
        BigDecimal mark = event.market().markPriceInputs() == null ? event.market().markPrice()
                : MarkPrice.recompute(event.market().markPriceInputs(), tick);
        if (mark.signum() <= 0) {
            return EngineResult.unverifiable(event.eventId(), List.of("market.markPriceInputs: the recomputed mark is not > 0"));
        }
        try {
            Tracer tracer = new Tracer(trace, event);
            tracer.note("4", null, "mark price at the trigger M0", event.market().markPriceInputs() == null
                    ? "M0 = market.markPrice (no mark-price inputs given)"
                    : "M0 = recomputed from the index components and the premium (section 4)",
                    Tracer.inputs("market.markPrice", event.market().markPrice()), mark, null);
            return new Replay(event, mark, tracer).run();
        } catch (ArithmeticException e) {
            // Unreachable after the checks above; kept so that no input can make the engine throw.
            return EngineResult.unverifiable(event.eventId(), List.of("cannot be replayed: " + e.getMessage()));
        }
    }

    /** One replay: the mutable state of section 6 lives only here, for the length of one call. */
    private static final class Replay {
        private final LiquidationEvent event;
        private final MarginModel margin;
        private final PlannedQuantity planner;
        private final BigDecimal mark0;
        private final List<Step> steps = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final Tracer tracer;
        private BigDecimal q;
        private BigDecimal collateral;

        Replay(LiquidationEvent event, BigDecimal mark0, Tracer tracer) {
            this.event = event;
            this.tracer = tracer;
            this.margin = new MarginModel(event);
            this.planner = new PlannedQuantity(event.policy(), margin, event.contract().lotSize());
            this.mark0 = mark0;
            this.q = event.position().quantity();
            this.collateral = event.position().collateral();
        }

        /**
         * ENGINE-SPEC section 6:
         * <ol>
         *   <li>Trigger: {@code Eq(M0) ≤ Req(M0)} with open-order margin; else finding TRIGGER_NOT_MET.</li>
         *   <li>Cancel: open orders (margin > 0) are cancelled; healthy at M0 then ⇒ resolved by the cancel.</li>
         *   <li>Steps k = 1, 2, … while Q > 0: due at k = 1 if triggered and not resolved, at k > 1 if
         *       unhealthy at Mk; follow the actual fills, noting mismatched, excess and missing steps.</li>
         * </ol>
         */
        EngineResult run() {
            BigDecimal tick = event.contract().tickSize();
            BigDecimal openOrders = event.position().openOrderMargin();
            BigDecimal liquidationPrice = margin.liquidationPrice(q, collateral, tick);
            BigDecimal bankruptcyPrice = margin.bankruptcyPrice(q, collateral, tick);

            tracer.note("5", null, "liquidation price", "the price P where Eq(P) = MM(P) + otherMaintenanceMargin, first "
                    + "qualifying tier, rounded to the tick toward the entry price", Tracer.inputs("Q", q, "C", collateral,
                            "entryPrice", event.position().entryPrice(), "tickSize", tick), liquidationPrice,
                    liquidationPrice == null ? "no tier qualifies" : null);
            tracer.note("5", null, "bankruptcy price", "BP = entryPrice − s·(C + otherUnrealizedPnl)/Q, rounded to the tick "
                    + "toward the entry price", Tracer.inputs("entryPrice", event.position().entryPrice(), "s", margin.sign(),
                            "C", collateral, "otherUnrealizedPnl", event.position().otherUnrealizedPnl(), "Q", q),
                    bankruptcyPrice, bankruptcyPrice == null ? "not above 0" : null);

            boolean triggered = !margin.healthy(q, collateral, mark0, openOrders);
            tracer.health("6.1", null, "trigger", margin, q, collateral, mark0, openOrders,
                    triggered ? "triggered: Eq(M0) ≤ Req(M0)" : "not triggered: Eq(M0) > Req(M0) (finding TRIGGER_NOT_MET)");
            if (!triggered) {
                findings.add(Finding.of(FindingCode.TRIGGER_NOT_MET));
            }
            boolean ordersCancelled = openOrders.signum() > 0;
            boolean resolvedByCancel = ordersCancelled && margin.healthy(q, collateral, mark0, BigDecimal.ZERO);
            if (ordersCancelled) {
                tracer.health("6.2", null, "after cancelling open orders", margin, q, collateral, mark0, BigDecimal.ZERO,
                        resolvedByCancel ? "healthy without the orders: resolved by the cancel, no liquidation due"
                                : "still not healthy: liquidation proceeds");
            }

            applySteps(triggered && !resolvedByCancel);
            return settle(triggered, ordersCancelled, resolvedByCancel, liquidationPrice, bankruptcyPrice);
        }

        private void applySteps(boolean firstStepDue) {
            List<Fill> fills = event.fills();
            BigDecimal mark = mark0;
            boolean unplanned = false;
            for (int k = 1; q.signum() > 0; k++) {
                Fill fill = k <= fills.size() ? fills.get(k - 1) : null;
                if (fill != null && fill.markPrice() != null) {
                    mark = fill.markPrice();
                }
                if (unplanned) {
                    if (fill == null) {
                        return;
                    }
                    apply(k, fill, mark, BigDecimal.ZERO);
                    continue;
                }
                boolean due = k == 1 ? firstStepDue : !margin.healthy(q, collateral, mark, BigDecimal.ZERO);
                if (k > 1) {
                    tracer.health("6.3", k, "is step " + k + " due", margin, q, collateral, mark, BigDecimal.ZERO,
                            due ? "due: not healthy at M" + k : "not due: healthy at M" + k);
                }
                if (due) {
                    BigDecimal planned = planner.at(k, q, collateral, mark);
                    tracer.note("7", k, "planned quantity q" + k, "policy " + event.policy().mode() + " at M" + k
                            + (k >= event.policy().maxSteps() ? " (k ≥ maxSteps: the whole position)" : ""),
                            Tracer.inputs("Q", q, "C", collateral, "M" + k, mark), planned,
                            fill == null ? "no fill " + k + ": INCOMPLETE_LIQUIDATION" : null);
                    if (fill == null) {
                        findings.add(Finding.atStep(FindingCode.INCOMPLETE_LIQUIDATION, k));
                        return;
                    }
                    if (fill.quantity().compareTo(planned) != 0) {
                        findings.add(new Finding(FindingCode.STEP_QUANTITY_MISMATCH, k, planned, fill.quantity()));
                        tracer.note("6.3", k, "fill " + k + " against the plan", "q" + k + " = fills[" + k + "].quantity",
                                Tracer.inputs("planned", planned, "filled", fill.quantity()), null,
                                "differs: STEP_QUANTITY_MISMATCH (the replay follows the fill)");
                    }
                    apply(k, fill, mark, planned);
                } else {
                    if (fill == null) {
                        return;
                    }
                    findings.add(Finding.atStep(FindingCode.EXCESS_LIQUIDATION, k));
                    tracer.note("6.3", k, "fill " + k + " when no step was due", "a fill when liquidation is not due",
                            Tracer.inputs("filled", fill.quantity()), null,
                            "EXCESS_LIQUIDATION: this and every later fill are applied as unplanned steps");
                    unplanned = true;
                    apply(k, fill, mark, BigDecimal.ZERO);
                }
            }
        }

        /**
         * Applies fill k (quantity q, price F):
         * <ol>
         *   <li>{@code realizedPnl = s·q·(F − entryPrice)};</li>
         *   <li>{@code fee = roundMoney(q·F·liquidationFeeRate)}; on the closing step capped at
         *       {@code max(0, C + realizedPnl + otherUnrealizedPnl)};</li>
         *   <li>{@code C = C + realizedPnl − fee}; {@code Q = Q − q}.</li>
         * </ol>
         */
        private void apply(int k, Fill fill, BigDecimal mark, BigDecimal planned) {
            BigDecimal realized = margin.unrealizedPnl(fill.quantity(), fill.price());
            tracer.note("6.3", k, "realized PnL of step " + k, "realizedPnl = s·q·(F − entryPrice)",
                    Tracer.inputs("s", margin.sign(), "q", fill.quantity(), "F", fill.price(),
                            "entryPrice", event.position().entryPrice()), realized, null);
            BigDecimal uncapped = Decimals.roundMoney(fill.quantity().multiply(fill.price())
                    .multiply(event.policy().liquidationFeeRate()), event.contract().quoteScale());
            BigDecimal fee = uncapped;
            BigDecimal remaining = q.subtract(fill.quantity());
            if (remaining.signum() == 0) {
                BigDecimal available = collateral.add(realized).add(event.position().otherUnrealizedPnl());
                fee = Decimals.min(fee, Decimals.max(BigDecimal.ZERO, available));
                tracer.note("6.3", k, "fee of step " + k, "fee = min(roundMoney(q·F·liquidationFeeRate), max(0, C + "
                                + "realizedPnl + otherUnrealizedPnl)) — the closing step's fee is capped",
                        Tracer.inputs("q", fill.quantity(), "F", fill.price(), "liquidationFeeRate",
                                event.policy().liquidationFeeRate(), "uncapped fee", uncapped, "C", collateral,
                                "realizedPnl", realized, "otherUnrealizedPnl", event.position().otherUnrealizedPnl()),
                        fee, fee.compareTo(uncapped) < 0 ? "capped" : null);
            } else {
                tracer.note("6.3", k, "fee of step " + k, "fee = roundMoney(q·F·liquidationFeeRate)",
                        Tracer.inputs("q", fill.quantity(), "F", fill.price(), "liquidationFeeRate",
                                event.policy().liquidationFeeRate()), fee, null);
            }
            tracer.note("6.3", k, "collateral after step " + k, "C = C + realizedPnl − fee",
                    Tracer.inputs("C", collateral, "realizedPnl", realized, "fee", fee), collateral.add(realized).subtract(fee),
                    null);
            tracer.note("6.3", k, "position after step " + k, "Q = Q − q", Tracer.inputs("Q", q, "q", fill.quantity()),
                    remaining, remaining.signum() == 0 ? "closed" : null);
            collateral = collateral.add(realized).subtract(fee);
            q = remaining;
            steps.add(new Step(k, mark, planned, fill.quantity(), fill.price(), realized, fee, collateral, q));
        }

        /** ENGINE-SPEC section 8, then the comparison with what the venue reported (section 9). */
        private EngineResult settle(boolean triggered, boolean ordersCancelled, boolean resolvedByCancel,
                BigDecimal liquidationPrice, BigDecimal bankruptcyPrice) {
            Settlement s = Settlement.of(event, steps, q, collateral);
            tracer.settlement(event, s, collateral);
            BigDecimal remainingLiquidationPrice = q.signum() > 0
                    ? margin.liquidationPrice(q, collateral, event.contract().tickSize()) : null;
            if (remainingLiquidationPrice != null) {
                tracer.note("8", null, "remaining liquidation price", "section 5 with the final Q and C",
                        Tracer.inputs("Q", q, "C", collateral), remainingLiquidationPrice, null);
            }
            if (event.market().markPriceInputs() != null && event.market().markPrice().compareTo(mark0) != 0) {
                findings.add(new Finding(FindingCode.MARK_PRICE_MISMATCH, null, mark0, event.market().markPrice()));
            }
            EngineResult.Replayed draft = new EngineResult.Replayed(VERSION, event.eventId(), Verdict.CONSISTENT, mark0,
                    triggered, ordersCancelled, resolvedByCancel, liquidationPrice, bankruptcyPrice, steps,
                    s.outcome(), s.liquidatedQuantity(), s.totalFee(), s.excessEquity(), s.traderReturn(),
                    s.bankruptcyLoss(), s.insuranceFundDelta(), s.insuranceFundBalanceAfter(), s.adlShortfall(),
                    remainingLiquidationPrice, findings, List.of());
            List<EngineResult.Difference> differences = ReportComparison.differences(event.reported(), draft);
            Verdict verdict = findings.isEmpty() && differences.isEmpty() ? Verdict.CONSISTENT : Verdict.DISCREPANT;
            return new EngineResult.Replayed(VERSION, event.eventId(), verdict, mark0, triggered, ordersCancelled,
                    resolvedByCancel, liquidationPrice, bankruptcyPrice, steps, s.outcome(), s.liquidatedQuantity(),
                    s.totalFee(), s.excessEquity(), s.traderReturn(), s.bankruptcyLoss(), s.insuranceFundDelta(),
                    s.insuranceFundBalanceAfter(), s.adlShortfall(), remainingLiquidationPrice, findings, differences);
        }
    }

    /** Totals and the insurance fund's side of the event, ENGINE-SPEC section 8. */
    record Settlement(Outcome outcome, BigDecimal liquidatedQuantity, BigDecimal totalFee, BigDecimal excessEquity,
            BigDecimal traderReturn, BigDecimal bankruptcyLoss, BigDecimal insuranceFundDelta,
            BigDecimal insuranceFundBalanceAfter, BigDecimal adlShortfall) {

        /**
         * <ol>
         *   <li>Totals over the steps; outcome NONE (no fill), PARTIAL (still open) or FULL.</li>
         *   <li>The fund's delta starts at the total fee when fees go to it.</li>
         *   <li>Closed: residual = C (ISOLATED) or C + otherUnrealizedPnl (CROSS). Residual ≥ 0 is
         *       excess equity (ISOLATED only), to the fund or back to the trader; residual < 0 is a
         *       bankruptcy loss that the fund covers up to what it holds, the rest being ADL shortfall.</li>
         * </ol>
         */
        static Settlement of(LiquidationEvent event, List<Step> steps, BigDecimal q, BigDecimal collateral) {
            BigDecimal liquidated = BigDecimal.ZERO;
            BigDecimal totalFee = BigDecimal.ZERO;
            for (Step step : steps) {
                liquidated = liquidated.add(step.quantity());
                totalFee = totalFee.add(step.fee());
            }
            Outcome outcome = steps.isEmpty() ? Outcome.NONE : q.signum() == 0 ? Outcome.FULL : Outcome.PARTIAL;
            BigDecimal zero = BigDecimal.ZERO;
            BigDecimal delta = event.policy().feeRecipient() == FeeRecipient.INSURANCE_FUND ? totalFee : zero;
            BigDecimal excess = zero;
            BigDecimal traderReturn = zero;
            BigDecimal loss = zero;
            BigDecimal shortfall = zero;
            BigDecimal balanceBefore = event.insuranceFund().balanceBefore();
            if (outcome == Outcome.FULL) {
                boolean isolated = event.position().marginMode() == MarginMode.ISOLATED;
                BigDecimal residual = isolated ? collateral : collateral.add(event.position().otherUnrealizedPnl());
                if (residual.signum() >= 0) {
                    if (isolated) {
                        excess = residual;
                        if (event.policy().excessEquity() == ExcessEquityHandling.TO_INSURANCE_FUND) {
                            delta = delta.add(residual);
                        } else {
                            traderReturn = residual;
                        }
                    }
                } else {
                    loss = residual.negate();
                    BigDecimal draw = Decimals.min(loss, balanceBefore.add(delta));
                    delta = delta.subtract(draw);
                    shortfall = loss.subtract(draw);
                }
            }
            return new Settlement(outcome, liquidated, totalFee, excess, traderReturn, loss, delta,
                    balanceBefore.add(delta), shortfall);
        }
    }
}
