package io.liqaudit.standing;

import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.FeeRecipient;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.engine.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What one recomputed event adds to the disclosure rollups. */
public record Contribution(Key key, Totals totals) {

    /** A rollup row: one UTC day of one venue, symbol, fund and policy. */
    public record Key(LocalDate day, String venue, String symbol, String fundId, String policyMode) {
    }

    static final int DISTANCE_BUCKETS = 51;
    static final BigDecimal DISTANCE_BUCKET_BPS = BigDecimal.valueOf(25);
    static final int EXCESS_BUCKETS = 9;
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    public static Contribution of(LiquidationEvent e, EngineResult r) {
        return of(e, Figures.of(r));
    }

    /**
     * From the event and its figures alone. The liquidated notional is the sum of the fills, all
     * of which a verifiable replay applies (leftover fills make an event unverifiable).
     */
    public static Contribution of(LiquidationEvent e, Figures r) {
        Key key = new Key(e.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate(), e.venue(), e.symbol(),
                e.insuranceFund().fundId(), e.policy().mode().name());
        Totals t = Totals.zero();
        t.events = 1;
        switch (r.verdict()) {
            case CONSISTENT -> t.consistent = 1;
            case DISCREPANT -> t.discrepant = 1;
            default -> t.unverifiable = 1;
        }
        if (!r.verifiable()) {
            return new Contribution(key, t);
        }
        switch (r.outcome()) {
            case NONE -> t.none = 1;
            case PARTIAL -> t.partial = 1;
            default -> t.full = 1;
        }
        for (LiquidationEvent.Fill f : e.fills()) {
            t.notional = t.notional.add(f.quantity().multiply(f.price()));
        }
        t.fee = r.totalFee();
        if (e.policy().feeRecipient() == FeeRecipient.INSURANCE_FUND) {
            t.feeToFund = r.totalFee();
        }
        if (r.excessEquity().signum() > 0) {
            t.excessEvents = 1;
            if (r.traderReturn().signum() > 0) {
                t.excessToTrader = r.traderReturn();
            } else {
                t.excessToFund = r.excessEquity();
            }
        }
        if (r.outcome() == Outcome.FULL) {
            t.excessHist[excessBucket(r.bankruptcyLoss(), r.excessEquity())]++;
        }
        BigDecimal draw = r.draw();
        if (draw.signum() > 0) {
            t.drawEvents = 1;
            t.draws = draw;
        }
        t.bankruptcyLoss = r.bankruptcyLoss();
        if (r.adlShortfall().signum() > 0) {
            t.adlEvents = 1;
            t.adlShortfall = r.adlShortfall();
        }
        if (r.liquidationPrice() != null && r.bankruptcyPrice() != null) {
            BigDecimal bps = r.liquidationPrice().subtract(r.bankruptcyPrice()).abs().multiply(BPS)
                    .divide(r.bankruptcyPrice(), 6, RoundingMode.HALF_UP);
            t.distanceCount = 1;
            t.distanceSumBps = bps;
            t.distanceHist[Math.min(DISTANCE_BUCKETS - 1, bps.divide(DISTANCE_BUCKET_BPS, 0, RoundingMode.FLOOR).intValue())]++;
        }
        if (e.market().markPriceInputs() != null) {
            t.markLastCount = 1;
            t.markLastSumBps = e.market().markPrice().subtract(e.market().markPriceInputs().lastPrice()).abs().multiply(BPS)
                    .divide(e.market().markPrice(), 6, RoundingMode.HALF_UP);
        }
        return new Contribution(key, t);
    }

    /**
     * What a full liquidation left, outcomes apart (one bucket would dwarf the rest otherwise):
     * 0 bankrupt (a loss the fund or ADL took), 1 nothing left, then decades of excess equity
     * (0, 1), [1, 10), … [10,000, 100,000), [100,000, ∞).
     */
    static int excessBucket(BigDecimal bankruptcyLoss, BigDecimal excess) {
        if (bankruptcyLoss.signum() > 0) {
            return 0;
        }
        if (excess.signum() == 0) {
            return 1;
        }
        BigDecimal bound = BigDecimal.ONE;
        for (int i = 2; i < EXCESS_BUCKETS - 1; i++) {
            if (excess.compareTo(bound) < 0) {
                return i;
            }
            bound = bound.multiply(BigDecimal.TEN);
        }
        return EXCESS_BUCKETS - 1;
    }
}
