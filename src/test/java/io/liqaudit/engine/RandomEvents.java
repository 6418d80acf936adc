package io.liqaudit.engine;

import io.liqaudit.engine.ExcessEquityHandling;
import io.liqaudit.engine.FeeRecipient;
import io.liqaudit.engine.LiquidationEvent.Contract;
import io.liqaudit.engine.LiquidationEvent.Fill;
import io.liqaudit.engine.LiquidationEvent.InsuranceFund;
import io.liqaudit.engine.LiquidationEvent.Market;
import io.liqaudit.engine.LiquidationEvent.Policy;
import io.liqaudit.engine.LiquidationEvent.Position;
import io.liqaudit.engine.LiquidationEvent.RiskTier;
import io.liqaudit.engine.MarginMode;
import io.liqaudit.engine.PolicyMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of liquidation events for property tests: realistic ones (contiguous,
 * continuous tiers; positions near or past their liquidation price; fills near the mark) and,
 * on request, wild ones whose numbers are anything at all.
 */
final class RandomEvents {

    private static final BigDecimal[] TICKS = {new BigDecimal("0.01"), new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.00001"), new BigDecimal("0.5")};
    private static final BigDecimal[] LOTS = {new BigDecimal("0.001"), new BigDecimal("0.01"), BigDecimal.ONE,
            new BigDecimal("0.1")};
    private static final BigDecimal[] FEE_RATES = {BigDecimal.ZERO, new BigDecimal("0.0005"), new BigDecimal("0.005"),
            new BigDecimal("0.0125"), new BigDecimal("0.02")};

    private final Random random;

    RandomEvents(long seed) {
        this.random = new Random(seed);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private BigDecimal between(double low, double high, int scale) {
        // The generator may use binary floating point to *choose* numbers; the engine never sees a double.
        return BigDecimal.valueOf(low + random.nextDouble() * (high - low)).setScale(scale, RoundingMode.HALF_UP);
    }

    List<RiskTier> tiers() {
        int n = 1 + random.nextInt(5);
        List<RiskTier> tiers = new ArrayList<>();
        BigDecimal floor = BigDecimal.ZERO;
        BigDecimal mmr = between(0.002, 0.02, 4);
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal cap = BigDecimal.valueOf(1000L * (1 + random.nextInt(50)));
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            tiers.add(new RiskTier(floor, last ? null : cap, mmr, amount));
            BigDecimal nextMmr = mmr.add(between(0.001, 0.05, 4)).min(new BigDecimal("0.5"));
            amount = amount.add(cap.multiply(nextMmr.subtract(mmr)));
            mmr = nextMmr;
            floor = cap;
            cap = cap.multiply(BigDecimal.valueOf(2 + random.nextInt(8)));
        }
        return tiers;
    }

    LiquidationEvent realistic(int index) {
        BigDecimal tick = pick(TICKS);
        BigDecimal lot = pick(LOTS);
        List<RiskTier> tiers = tiers();
        Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
        MarginMode mode = random.nextBoolean() ? MarginMode.ISOLATED : MarginMode.CROSS;
        BigDecimal entry = between(1, 80_000, 6).divide(tick, 0, RoundingMode.HALF_UP).multiply(tick).max(tick);
        BigDecimal quantity = lot.multiply(BigDecimal.valueOf(1 + random.nextInt(3000)));
        BigDecimal notional = entry.multiply(quantity);
        BigDecimal collateral = notional.multiply(between(0.005, 0.15, 4)).setScale(2, RoundingMode.HALF_UP);
        boolean cross = mode == MarginMode.CROSS;
        BigDecimal otherPnl = cross ? notional.multiply(between(-0.02, 0.02, 4)).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        BigDecimal otherMm = cross ? notional.multiply(between(0, 0.01, 4)).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        BigDecimal openOrders = random.nextInt(4) == 0 ? notional.multiply(between(0, 0.02, 4)).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        // Move the mark against the position by up to 15 %, so most events trigger and some do not.
        BigDecimal move = between(0, 0.15, 4).multiply(side.sign()).negate();
        BigDecimal mark = roundTo(entry.multiply(BigDecimal.ONE.add(move)), tick).max(tick);

        PolicyMode policyMode = PolicyMode.values()[random.nextInt(4)];
        List<BigDecimal> fractions = policyMode == PolicyMode.FIXED_FRACTIONS ? fractions() : null;
        BigDecimal buffer = policyMode == PolicyMode.MIN_RESTORE ? between(0, 1, 2) : null;
        Policy policy = new Policy(policyMode, fractions, buffer, pick(FEE_RATES),
                random.nextBoolean() ? FeeRecipient.INSURANCE_FUND : FeeRecipient.VENUE,
                random.nextBoolean() ? ExcessEquityHandling.TO_INSURANCE_FUND : ExcessEquityHandling.RETURN_TO_TRADER,
                1 + random.nextInt(6));

        List<Fill> fills = new ArrayList<>();
        BigDecimal left = quantity;
        int count = random.nextInt(5);
        for (int step = 1; step <= count && left.signum() > 0; step++) {
            boolean closeAll = (step == count && random.nextBoolean()) || random.nextInt(4) == 0;
            BigDecimal q = closeAll ? left : lot.multiply(BigDecimal.valueOf(1 + random.nextInt(
                    Math.max(1, left.divide(lot, 0, RoundingMode.FLOOR).intValue()))));
            q = q.min(left);
            BigDecimal price = roundTo(mark.multiply(BigDecimal.ONE.add(between(-0.01, 0.01, 4))), tick).max(tick);
            BigDecimal fillMark = random.nextInt(3) == 0 ? roundTo(mark.multiply(BigDecimal.ONE.add(between(-0.01, 0.01, 4))), tick).max(tick) : null;
            fills.add(new Fill(step, q, price, fillMark));
            left = left.subtract(q);
        }
        return new LiquidationEvent("prop-" + index, "VENUE-P", "SYMUSDT", "acct-" + index, Instant.parse("2026-01-01T00:00:00Z"),
                "r1", new Contract(tick, lot, 8), tiers, policy,
                new Position(side, quantity, entry, mode, collateral, openOrders, otherPnl, otherMm),
                new Market(mark, null), fills, new InsuranceFund("FUND", between(0, 50_000, 2)), null);
    }

    private List<BigDecimal> fractions() {
        List<BigDecimal> fractions = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            fractions.add(between(0.05, 0.95, 2));
        }
        fractions.add(BigDecimal.ONE);
        return fractions;
    }

    /** Anything that a well-formed JSON event may carry: zeros, negatives, gaps, huge and tiny numbers. */
    LiquidationEvent wild(int index) {
        LiquidationEvent base = realistic(index);
        BigDecimal[] values = {BigDecimal.ZERO, BigDecimal.ONE.negate(), new BigDecimal("1E-30"), new BigDecimal("1E+30"),
                new BigDecimal("0.3333333333"), new BigDecimal("-0.000001"), BigDecimal.TEN, new BigDecimal("12345.6789")};
        List<RiskTier> tiers = random.nextInt(5) == 0 ? List.of() : random.nextBoolean() ? base.riskTiers()
                : List.of(new RiskTier(pick(values), random.nextBoolean() ? null : pick(values), pick(values), pick(values)),
                        new RiskTier(pick(values), null, pick(values), pick(values)));
        List<Fill> fills = random.nextBoolean() ? base.fills()
                : List.of(new Fill(random.nextInt(3), pick(values), pick(values), random.nextBoolean() ? null : pick(values)));
        Policy p = base.policy();
        Policy policy = new Policy(PolicyMode.values()[random.nextInt(4)],
                random.nextBoolean() ? null : List.of(pick(values)), random.nextBoolean() ? null : pick(values),
                random.nextBoolean() ? p.liquidationFeeRate() : pick(values), p.feeRecipient(), p.excessEquity(),
                random.nextInt(4) - 1);
        Position pos = base.position();
        Position position = new Position(pos.side(), random.nextBoolean() ? pos.quantity() : pick(values),
                random.nextBoolean() ? pos.entryPrice() : pick(values), pos.marginMode(), pick(values),
                random.nextBoolean() ? null : pick(values), pick(values), pick(values));
        return new LiquidationEvent(base.eventId(), base.venue(), base.symbol(), base.accountRef(), base.occurredAt(),
                base.ruleVersion(), new LiquidationEvent.Contract(random.nextBoolean() ? base.contract().tickSize() : pick(values),
                        random.nextBoolean() ? base.contract().lotSize() : pick(values), random.nextInt(22) - 2),
                tiers, policy, position, new Market(random.nextBoolean() ? base.market().markPrice() : pick(values), null),
                fills, new InsuranceFund("FUND", pick(values)), null);
    }

    private static BigDecimal roundTo(BigDecimal x, BigDecimal unit) {
        return x.divide(unit, 0, RoundingMode.HALF_UP).multiply(unit);
    }
}
