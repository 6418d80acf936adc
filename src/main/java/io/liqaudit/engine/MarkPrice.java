package io.liqaudit.engine;

import io.liqaudit.engine.LiquidationEvent.IndexComponent;
import io.liqaudit.engine.LiquidationEvent.MarkPriceInputs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Recomputes the mark price from its inputs, ENGINE-SPEC section 4. */
final class MarkPrice {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private MarkPrice() {
    }

    /**
     * <ol>
     *   <li>{@code med} = median of the component prices (even count: mean of the two middle ones).</li>
     *   <li>Drop components with {@code |price − med| / med > outlierBand}; index = {@code med} if none
     *       remain, else {@code Σ weight·price / Σ weight} over the rest (kept exact as a fraction).</li>
     *   <li>{@code p1 = index·(1 + fundingRate·fundingTimeFraction)}, {@code p2 = index + basisAverage},
     *       {@code p3 = lastPrice}.</li>
     *   <li>mark = median(p1, p2, p3), rounded to {@code tick} HALF_EVEN.</li>
     * </ol>
     * Component prices are checked positive beforehand, so {@code med > 0}.
     */
    static BigDecimal recompute(MarkPriceInputs in, BigDecimal tick) {
        List<BigDecimal> prices = new ArrayList<>(in.indexComponents().stream().map(IndexComponent::price).toList());
        prices.sort(Comparator.naturalOrder());
        int n = prices.size();
        BigDecimal med = n % 2 == 1 ? prices.get(n / 2) : prices.get(n / 2 - 1).add(prices.get(n / 2)).divide(TWO);

        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal band = in.outlierBand().multiply(med);
        for (IndexComponent c : in.indexComponents()) {
            // |p − med| / med > band  ⇔  |p − med| > band·med, since med > 0.
            if (c.price().subtract(med).abs().compareTo(band) <= 0) {
                weighted = weighted.add(c.weight().multiply(c.price()));
                weights = weights.add(c.weight());
            }
        }
        Fraction index = weights.signum() == 0 ? Fraction.of(med) : new Fraction(weighted, weights);

        BigDecimal d = index.denominator();
        List<Fraction> candidates = new ArrayList<>(List.of(
                index.times(BigDecimal.ONE.add(in.fundingRate().multiply(in.fundingTimeFraction()))),
                new Fraction(index.numerator().add(in.basisAverage().multiply(d)), d),
                Fraction.of(in.lastPrice())));
        candidates.sort(Comparator.naturalOrder());
        return candidates.get(1).roundToMultipleOf(tick, RoundingMode.HALF_EVEN);
    }
}
