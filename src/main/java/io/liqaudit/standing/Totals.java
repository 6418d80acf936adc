package io.liqaudit.standing;

import java.math.BigDecimal;

/**
 * The additive figures of a rollup row. Mutable on purpose: it is an accumulator, filled by
 * {@link Contribution} and summed per key within a batch, or over the rows of a page.
 */
public final class Totals {
    long events;
    long partial;
    long full;
    long none;
    BigDecimal notional = BigDecimal.ZERO;
    BigDecimal fee = BigDecimal.ZERO;
    BigDecimal feeToFund = BigDecimal.ZERO;
    long excessEvents;
    BigDecimal excessToFund = BigDecimal.ZERO;
    BigDecimal excessToTrader = BigDecimal.ZERO;
    long drawEvents;
    BigDecimal draws = BigDecimal.ZERO;
    BigDecimal bankruptcyLoss = BigDecimal.ZERO;
    long adlEvents;
    BigDecimal adlShortfall = BigDecimal.ZERO;
    long consistent;
    long discrepant;
    long unverifiable;
    long distanceCount;
    BigDecimal distanceSumBps = BigDecimal.ZERO;
    long[] distanceHist = new long[Contribution.DISTANCE_BUCKETS];
    long[] excessHist = new long[Contribution.EXCESS_BUCKETS];
    long markLastCount;
    BigDecimal markLastSumBps = BigDecimal.ZERO;

    public static Totals zero() {
        return new Totals();
    }

    /** The same figures with the opposite sign: adding it takes a contribution back out. */
    Totals negated() {
        Totals n = zero();
        n.add(this);
        n.events = -events;
        n.partial = -partial;
        n.full = -full;
        n.none = -none;
        n.notional = notional.negate();
        n.fee = fee.negate();
        n.feeToFund = feeToFund.negate();
        n.excessEvents = -excessEvents;
        n.excessToFund = excessToFund.negate();
        n.excessToTrader = excessToTrader.negate();
        n.drawEvents = -drawEvents;
        n.draws = draws.negate();
        n.bankruptcyLoss = bankruptcyLoss.negate();
        n.adlEvents = -adlEvents;
        n.adlShortfall = adlShortfall.negate();
        n.consistent = -consistent;
        n.discrepant = -discrepant;
        n.unverifiable = -unverifiable;
        n.distanceCount = -distanceCount;
        n.distanceSumBps = distanceSumBps.negate();
        for (int i = 0; i < distanceHist.length; i++) {
            n.distanceHist[i] = -distanceHist[i];
        }
        for (int i = 0; i < excessHist.length; i++) {
            n.excessHist[i] = -excessHist[i];
        }
        n.markLastCount = -markLastCount;
        n.markLastSumBps = markLastSumBps.negate();
        return n;
    }

    public void add(Totals o) {
        events += o.events;
        partial += o.partial;
        full += o.full;
        none += o.none;
        notional = notional.add(o.notional);
        fee = fee.add(o.fee);
        feeToFund = feeToFund.add(o.feeToFund);
        excessEvents += o.excessEvents;
        excessToFund = excessToFund.add(o.excessToFund);
        excessToTrader = excessToTrader.add(o.excessToTrader);
        drawEvents += o.drawEvents;
        draws = draws.add(o.draws);
        bankruptcyLoss = bankruptcyLoss.add(o.bankruptcyLoss);
        adlEvents += o.adlEvents;
        adlShortfall = adlShortfall.add(o.adlShortfall);
        consistent += o.consistent;
        discrepant += o.discrepant;
        unverifiable += o.unverifiable;
        distanceCount += o.distanceCount;
        distanceSumBps = distanceSumBps.add(o.distanceSumBps);
        for (int i = 0; i < distanceHist.length; i++) {
            distanceHist[i] += o.distanceHist[i];
        }
        for (int i = 0; i < excessHist.length; i++) {
            excessHist[i] += o.excessHist[i];
        }
        markLastCount += o.markLastCount;
        markLastSumBps = markLastSumBps.add(o.markLastSumBps);
    }

    public long events() { return events; }
    public long partial() { return partial; }
    public long full() { return full; }
    public long none() { return none; }
    public BigDecimal notional() { return notional; }
    public BigDecimal fee() { return fee; }
    public BigDecimal feeToFund() { return feeToFund; }
    public long excessEvents() { return excessEvents; }
    public BigDecimal excessToFund() { return excessToFund; }
    public BigDecimal excessToTrader() { return excessToTrader; }
    public long drawEvents() { return drawEvents; }
    public BigDecimal draws() { return draws; }
    public BigDecimal bankruptcyLoss() { return bankruptcyLoss; }
    public long adlEvents() { return adlEvents; }
    public BigDecimal adlShortfall() { return adlShortfall; }
    public long consistent() { return consistent; }
    public long discrepant() { return discrepant; }
    public long unverifiable() { return unverifiable; }
    public long distanceCount() { return distanceCount; }
    /** The sum of the events' distances; of one event's contribution, its distance. */
    public BigDecimal distanceSumBps() { return distanceSumBps; }
    public long markLastCount() { return markLastCount; }
    public long[] excessHist() { return excessHist.clone(); }

    /**
     * The scalar figures of a summed {@code disclosure_daily} row: the table is this package's, so
     * is the mapping of its columns (named as the readers' query names its sums).
     */
    public static Totals ofSummedRow(io.vertx.mutiny.sqlclient.Row r) {
        Totals t = zero();
        t.events = r.getLong("events");
        t.partial = r.getLong("partial");
        t.full = r.getLong("full_");
        t.none = r.getLong("none_");
        t.notional = r.getBigDecimal("notional");
        t.fee = r.getBigDecimal("fee");
        t.feeToFund = r.getBigDecimal("fee_to_fund");
        t.excessEvents = r.getLong("excess_events");
        t.excessToFund = r.getBigDecimal("excess_to_fund");
        t.excessToTrader = r.getBigDecimal("excess_to_trader");
        t.drawEvents = r.getLong("draw_events");
        t.draws = r.getBigDecimal("draws");
        t.bankruptcyLoss = r.getBigDecimal("loss");
        t.adlEvents = r.getLong("adl_events");
        t.adlShortfall = r.getBigDecimal("adl");
        t.consistent = r.getLong("consistent");
        t.discrepant = r.getLong("discrepant");
        t.unverifiable = r.getLong("unverifiable");
        t.distanceCount = r.getLong("distance_count");
        t.distanceSumBps = r.getBigDecimal("distance_sum");
        t.markLastCount = r.getLong("mark_last_count");
        t.markLastSumBps = r.getBigDecimal("mark_last_sum");
        return t;
    }

    /** Adds a row's stored histograms (distance, excess) to this row's. */
    public void addHistograms(Long[] distance, Long[] excess) {
        addInto(distanceHist, distance);
        addInto(excessHist, excess);
    }

    private static void addInto(long[] sum, Long[] values) {
        for (int i = 0; i < Math.min(sum.length, values.length); i++) {
            sum[i] += values[i] == null ? 0 : values[i];
        }
    }

    /** Inflows to the fund: fees it received and excess equity it kept. */
    public BigDecimal inflows() {
        return feeToFund.add(excessToFund);
    }

    public BigDecimal meanDistanceBps() {
        return distanceCount == 0 ? null : distanceSumBps.divide(BigDecimal.valueOf(distanceCount), 2, java.math.RoundingMode.HALF_UP);
    }

    public BigDecimal meanMarkLastBps() {
        return markLastCount == 0 ? null : markLastSumBps.divide(BigDecimal.valueOf(markLastCount), 2, java.math.RoundingMode.HALF_UP);
    }

    /** The upper edge, in bps, of the histogram bucket holding the given percentile (1..100); null when empty. */
    public BigDecimal distancePercentileBps(int percentile) {
        if (distanceCount == 0) {
            return null;
        }
        long rank = (percentile * distanceCount + 99) / 100;
        long seen = 0;
        for (int i = 0; i < distanceHist.length; i++) {
            seen += distanceHist[i];
            if (seen >= rank) {
                return Contribution.DISTANCE_BUCKET_BPS.multiply(BigDecimal.valueOf(i + 1L));
            }
        }
        return Contribution.DISTANCE_BUCKET_BPS.multiply(BigDecimal.valueOf(distanceHist.length));
    }
}
