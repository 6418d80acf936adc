package io.liqaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.liqaudit.engine.EngineResult.Step;
import io.liqaudit.engine.LiquidationEvent.RiskTier;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.PolicyMode;
import io.liqaudit.engine.Verdict;
import io.liqaudit.eventjson.EngineResultJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the engine over thousands of generated events (seeded, so a failure names the
 * event that breaks it and reproduces). Expectations are derived from the spec's definitions,
 * not from the engine's own helpers.
 */
class EnginePropertiesTest {

    static final int EVENTS = 3000;
    static final long SEED = 20261124L;

    private static List<LiquidationEvent> realistic() {
        RandomEvents gen = new RandomEvents(SEED);
        List<LiquidationEvent> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(gen.realistic(i));
        }
        return events;
    }

    @Test
    void generatedEventsAreMostlyVerifiableAndCoverEveryOutcome() {
        List<EngineResult> results = realistic().stream().map(LiquidationEngine::replay).toList();
        assertThat(results).filteredOn(EngineResult::isVerifiable).hasSizeGreaterThan(EVENTS * 9 / 10);
        assertThat(results).extracting(r -> r.replayed().map(EngineResult.Replayed::outcome).orElse(null))
                .contains(Outcome.NONE, Outcome.PARTIAL, Outcome.FULL);
        assertThat(results).filteredOn(r -> r.replayed().filter(x -> x.adlShortfall().signum() > 0).isPresent()).isNotEmpty();
        assertThat(results).filteredOn(r -> r.replayed().filter(x -> x.excessEquity().signum() > 0).isPresent()).isNotEmpty();
    }

    @Test
    void settlementInvariantsHold() {
        for (LiquidationEvent e : realistic()) {
            if (!(LiquidationEngine.replay(e) instanceof EngineResult.Replayed r)) {
                continue;
            }
            String at = e.eventId();
            BigDecimal before = e.insuranceFund().balanceBefore();
            assertThat(r.insuranceFundBalanceAfter()).as("%s: balance after = before + delta", at)
                    .isEqualByComparingTo(before.add(r.insuranceFundDelta()));
            assertThat(r.insuranceFundBalanceAfter().signum()).as("%s: fund never negative", at).isGreaterThanOrEqualTo(0);
            assertThat(r.adlShortfall()).as("%s: ADL shortfall ≤ bankruptcy loss", at).isLessThanOrEqualTo(r.bankruptcyLoss());
            assertThat(r.excessEquity().signum()).as("%s: excess equity ≥ 0", at).isGreaterThanOrEqualTo(0);

            BigDecimal sum = r.steps().stream().map(Step::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("%s: Σ step quantities = liquidatedQuantity", at).isEqualByComparingTo(r.liquidatedQuantity());
            assertThat(sum).as("%s: never more than the position", at).isLessThanOrEqualTo(e.position().quantity());
            boolean nothingRemains = e.position().quantity().compareTo(sum) == 0;
            assertThat(r.outcome() == Outcome.FULL).as("%s: FULL ⇔ nothing remains", at).isEqualTo(nothingRemains);
            assertThat(r.remainingLiquidationPrice() == null || !nothingRemains).as("%s", at).isTrue();

            if (r.liquidationPrice() != null && r.bankruptcyPrice() != null) {
                int order = r.liquidationPrice().compareTo(r.bankruptcyPrice());
                if (e.position().side() == Side.LONG) {
                    assertThat(order).as("%s: LONG liquidation ≥ bankruptcy price", at).isGreaterThanOrEqualTo(0);
                } else {
                    assertThat(order).as("%s: SHORT liquidation ≤ bankruptcy price", at).isLessThanOrEqualTo(0);
                }
            }
            assertThat(r.verdict() == Verdict.CONSISTENT).as("%s: consistent ⇔ no findings, no differences", at)
                    .isEqualTo(r.findings().isEmpty() && r.differences().isEmpty());
        }
    }

    /**
     * MIN_RESTORE closes the smallest number of lots that meets the buffered condition at the
     * step's mark and tier: {@code Eq − q·M·f ≥ (1 + b)·(Req − q·M·mmr_t)}. One lot less must fail it.
     */
    @Test
    void minRestoreIsMinimal() {
        int checked = 0;
        for (LiquidationEvent e : realistic()) {
            if (e.policy().mode() != PolicyMode.MIN_RESTORE) {
                continue;
            }
            if (!(LiquidationEngine.replay(e) instanceof EngineResult.Replayed r)) {
                continue;
            }
            BigDecimal collateral = e.position().collateral();
            BigDecimal lot = e.contract().lotSize();
            for (Step s : r.steps()) {
                BigDecimal qBefore = s.remainingQuantity().add(s.quantity());
                BigDecimal planned = s.plannedQuantity();
                boolean fromThePolicy = planned.signum() > 0 && s.step() < e.policy().maxSteps()
                        && planned.compareTo(qBefore) < 0 && planned.compareTo(lot) > 0;
                if (fromThePolicy) {
                    assertThat(restored(e, qBefore, collateral, s.markPrice(), planned))
                            .as("%s step %d: the planned close restores margin", e.eventId(), s.step()).isTrue();
                    assertThat(restored(e, qBefore, collateral, s.markPrice(), planned.subtract(lot)))
                            .as("%s step %d: one lot less would not", e.eventId(), s.step()).isFalse();
                    checked++;
                }
                collateral = s.collateralAfter();
            }
        }
        assertThat(checked).as("steps checked").isGreaterThan(50);
    }

    private static boolean restored(LiquidationEvent e, BigDecimal q, BigDecimal collateral, BigDecimal m, BigDecimal close) {
        Side side = e.position().side();
        BigDecimal notional = q.multiply(m);
        RiskTier tier = e.riskTiers().stream().filter(t -> t.notionalFloor().compareTo(notional) <= 0
                && (t.notionalCap() == null || notional.compareTo(t.notionalCap()) < 0)).findFirst().orElseThrow();
        BigDecimal equity = collateral.add(side.sign().multiply(q).multiply(m.subtract(e.position().entryPrice())))
                .add(e.position().otherUnrealizedPnl());
        BigDecimal requirement = notional.multiply(tier.maintenanceMarginRate()).subtract(tier.maintenanceAmount())
                .add(e.position().otherMaintenanceMargin());
        BigDecimal onePlusB = BigDecimal.ONE.add(e.policy().restoreBuffer());
        BigDecimal closed = close.multiply(m);
        BigDecimal equityAfter = equity.subtract(closed.multiply(e.policy().liquidationFeeRate()));
        BigDecimal requirementAfter = onePlusB.multiply(requirement.subtract(closed.multiply(tier.maintenanceMarginRate())));
        return equityAfter.compareTo(requirementAfter) >= 0;
    }

    @Test
    void theSameInputAlwaysGivesByteIdenticalOutput() {
        for (LiquidationEvent e : realistic().subList(0, 500)) {
            String first = EngineResultJson.write(LiquidationEngine.replay(e)).toString();
            String second = EngineResultJson.write(LiquidationEngine.replay(e)).toString();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void aWellFormedInputNeverThrowsItIsUnverifiableInstead() {
        RandomEvents gen = new RandomEvents(SEED + 1);
        int unverifiable = 0;
        for (int i = 0; i < EVENTS; i++) {
            LiquidationEvent e = gen.wild(i);
            EngineResult[] result = new EngineResult[1];
            assertThatCode(() -> result[0] = LiquidationEngine.replay(e)).as("wild event %d", i).doesNotThrowAnyException();
            if (!result[0].isVerifiable()) {
                unverifiable++;
                assertThat(result[0].unverifiableReasons()).isNotEmpty();
                assertThat(result[0].replayed()).isEmpty();
            }
        }
        assertThat(unverifiable).isGreaterThan(EVENTS / 2);
    }
}
