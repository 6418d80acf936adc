package io.liqaudit.standing;

import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.Verdict;
import java.math.BigDecimal;

/**
 * The figures of one recomputation that the rollups use: from an engine result, or from the
 * typed columns of a stored recomputation (whose engine may be older than the running one).
 * Null figures for an unverifiable event.
 */
public record Figures(Verdict verdict, Outcome outcome, BigDecimal totalFee, BigDecimal excessEquity, BigDecimal traderReturn,
        BigDecimal bankruptcyLoss, BigDecimal adlShortfall, BigDecimal liquidationPrice, BigDecimal bankruptcyPrice,
        BigDecimal insuranceFundDelta) {

    public static Figures of(EngineResult result) {
        if (!(result instanceof EngineResult.Replayed r)) {
            return new Figures(result.verdict(), null, null, null, null, null, null, null, null, null);
        }
        return new Figures(r.verdict(), r.outcome(), r.totalFee(), r.excessEquity(),
                r.traderReturn(), r.bankruptcyLoss(), r.adlShortfall(), r.liquidationPrice(), r.bankruptcyPrice(),
                r.insuranceFundDelta());
    }

    public boolean verifiable() {
        return verdict != Verdict.UNVERIFIABLE;
    }

    /** The draw on the fund: the bankruptcy loss less the ADL shortfall (0 when unverifiable). */
    public BigDecimal draw() {
        return verifiable() ? bankruptcyLoss.subtract(adlShortfall) : BigDecimal.ZERO;
    }

    /** The part of the bankruptcy loss the fund did not cover, passed to ADL (0 when unverifiable). */
    public BigDecimal shortfall() {
        return verifiable() ? adlShortfall : BigDecimal.ZERO;
    }

    /** Whether the fund or ADL took a loss from this event: it belongs in {@code disclosure_loss}. */
    public boolean tookLoss() {
        return draw().signum() > 0 || shortfall().signum() > 0;
    }

    /** Numerically equal figures: a re-verification that produces these changes nothing public. */
    public boolean sameAs(Figures o) {
        return verdict == o.verdict && outcome == o.outcome && eq(totalFee, o.totalFee)
                && eq(excessEquity, o.excessEquity) && eq(traderReturn, o.traderReturn) && eq(bankruptcyLoss, o.bankruptcyLoss)
                && eq(adlShortfall, o.adlShortfall) && eq(liquidationPrice, o.liquidationPrice)
                && eq(bankruptcyPrice, o.bankruptcyPrice) && eq(insuranceFundDelta, o.insuranceFundDelta);
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
