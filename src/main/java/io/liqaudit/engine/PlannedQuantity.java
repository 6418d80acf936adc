package io.liqaudit.engine;

import io.liqaudit.engine.LiquidationEvent.Policy;
import io.liqaudit.engine.LiquidationEvent.RiskTier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The planned quantity of a due step under each policy, ENGINE-SPEC section 7. */
final class PlannedQuantity {

    private final Policy policy;
    private final MarginModel margin;
    private final BigDecimal lot;

    PlannedQuantity(Policy policy, MarginModel margin, BigDecimal lot) {
        this.policy = policy;
        this.margin = margin;
        this.lot = lot;
    }

    /**
     * The quantity to close at step {@code k} with state {@code (q, collateral)} at mark {@code m}.
     * From step {@code maxSteps} on it is the whole remaining position.
     */
    BigDecimal at(int k, BigDecimal q, BigDecimal collateral, BigDecimal m) {
        if (k >= policy.maxSteps()) {
            return q;
        }
        return switch (policy.mode()) {
            case FULL -> q;
            case FIXED_FRACTIONS -> fixedFraction(k, q);
            case TIER_DOWN -> tierDown(q, m);
            case MIN_RESTORE -> minRestore(q, collateral, m);
        };
    }

    /** {@code f = fractions[min(k, n) − 1]}, {@code qk = floorTo(Q·f, lot)}, at least one lot, at most Q. */
    private BigDecimal fixedFraction(int k, BigDecimal q) {
        List<BigDecimal> fractions = policy.fractions();
        BigDecimal f = fractions.get(Math.min(k, fractions.size()) - 1);
        return clamp(Decimals.floorTo(q.multiply(f), lot), q);
    }

    /**
     * Step down one tier: in the first tier close all; else keep the largest multiple of a lot
     * {@code R} with {@code R·M < floor_t} (strictly) and close {@code Q − R}.
     */
    private BigDecimal tierDown(BigDecimal q, BigDecimal m) {
        int t = margin.tierIndexOf(q.multiply(m));
        if (t == 0) {
            return q;
        }
        BigDecimal floor = margin.tiers().get(t).notionalFloor();
        BigDecimal lots = floor.divide(m.multiply(lot), 0, RoundingMode.FLOOR);
        BigDecimal keep = lots.multiply(lot);
        if (keep.multiply(m).compareTo(floor) >= 0) {
            keep = keep.subtract(lot); // R·M must stay strictly below the tier's floor
        }
        return q.subtract(keep);
    }

    /**
     * Smallest close restoring margin plus a buffer b at the current tier t:
     * <ol>
     *   <li>{@code shortage = (1 + b)·Req(M) − Eq(M)} (open orders are cancelled by now);</li>
     *   <li>{@code d = M·((1 + b)·mmr_t − liquidationFeeRate)};</li>
     *   <li>{@code d ≤ 0}: close all; else {@code ceilTo(shortage / d, lot)}, at least one lot, at most Q.</li>
     * </ol>
     */
    private BigDecimal minRestore(BigDecimal q, BigDecimal collateral, BigDecimal m) {
        BigDecimal onePlusB = BigDecimal.ONE.add(policy.restoreBuffer());
        RiskTier t = margin.tierOf(q.multiply(m));
        BigDecimal shortage = onePlusB.multiply(margin.requirement(q, m, BigDecimal.ZERO))
                .subtract(margin.equity(q, collateral, m));
        BigDecimal d = m.multiply(onePlusB.multiply(t.maintenanceMarginRate()).subtract(policy.liquidationFeeRate()));
        if (d.signum() <= 0) {
            return q;
        }
        return clamp(new Fraction(shortage, d).roundToMultipleOf(lot, RoundingMode.CEILING), q);
    }

    private BigDecimal clamp(BigDecimal planned, BigDecimal q) {
        return Decimals.min(Decimals.max(planned, lot), q);
    }
}
