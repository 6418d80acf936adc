package io.liqaudit.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A liquidation event as ENGINE-SPEC section 2 defines it. Well-formedness (types, required
 * fields) is the reader's job; whether the event can be replayed is {@link EventChecks}'.
 */
public record LiquidationEvent(
        String eventId, String venue, String symbol, String accountRef, Instant occurredAt, String ruleVersion,
        Contract contract, List<RiskTier> riskTiers, Policy policy, Position position, Market market,
        List<Fill> fills, InsuranceFund insuranceFund, Reported reported) {

    public LiquidationEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(insuranceFund, "insuranceFund");
        riskTiers = List.copyOf(riskTiers);
        fills = fills == null ? List.of() : List.copyOf(fills);
    }

    /** {@code quoteScale}: decimal places of quote-currency money. */
    public record Contract(BigDecimal tickSize, BigDecimal lotSize, int quoteScale) {
    }

    /** One bracket of the risk-tier table; {@code notionalCap} null means unbounded. */
    public record RiskTier(BigDecimal notionalFloor, BigDecimal notionalCap, BigDecimal maintenanceMarginRate,
            BigDecimal maintenanceAmount) {

        boolean contains(BigDecimal notional) {
            return notionalFloor.compareTo(notional) <= 0 && (notionalCap == null || notional.compareTo(notionalCap) < 0);
        }
    }

    /** {@code fractions} only for FIXED_FRACTIONS, {@code restoreBuffer} only for MIN_RESTORE (else null). */
    public record Policy(PolicyMode mode, List<BigDecimal> fractions, BigDecimal restoreBuffer,
            BigDecimal liquidationFeeRate, FeeRecipient feeRecipient, ExcessEquityHandling excessEquity, int maxSteps) {
        public Policy {
            fractions = fractions == null ? null : List.copyOf(fractions);
        }
    }

    public record Position(Side side, BigDecimal quantity, BigDecimal entryPrice, MarginMode marginMode,
            BigDecimal collateral, BigDecimal openOrderMargin, BigDecimal otherUnrealizedPnl,
            BigDecimal otherMaintenanceMargin) {
        public Position {
            openOrderMargin = openOrderMargin == null ? BigDecimal.ZERO : openOrderMargin;
            otherUnrealizedPnl = otherUnrealizedPnl == null ? BigDecimal.ZERO : otherUnrealizedPnl;
            otherMaintenanceMargin = otherMaintenanceMargin == null ? BigDecimal.ZERO : otherMaintenanceMargin;
        }
    }

    /** {@code markPriceInputs} may be null: the stated mark is then used as is. */
    public record Market(BigDecimal markPrice, MarkPriceInputs markPriceInputs) {
    }

    public record MarkPriceInputs(List<IndexComponent> indexComponents, BigDecimal outlierBand, BigDecimal fundingRate,
            BigDecimal fundingTimeFraction, BigDecimal basisAverage, BigDecimal lastPrice) {
        public MarkPriceInputs {
            indexComponents = List.copyOf(indexComponents);
        }
    }

    public record IndexComponent(String source, BigDecimal price, BigDecimal weight) {
    }

    /** One executed step; {@code markPrice} may be null (the previous step's mark then applies). */
    public record Fill(int step, BigDecimal quantity, BigDecimal price, BigDecimal markPrice) {
    }

    public record InsuranceFund(String fundId, BigDecimal balanceBefore) {
    }

    /**
     * What the venue's own engine reported. Every field may be absent; a price may also be
     * present as null ("the venue reported none"), hence {@link Reported.Value}.
     */
    public record Reported(Value<BigDecimal> markPrice, Value<BigDecimal> liquidationPrice,
            Value<BigDecimal> bankruptcyPrice, Value<Outcome> outcome, Value<BigDecimal> liquidatedQuantity,
            Value<BigDecimal> totalFee, Value<BigDecimal> excessEquity, Value<BigDecimal> traderReturn,
            Value<BigDecimal> bankruptcyLoss, Value<BigDecimal> insuranceFundDelta, Value<BigDecimal> adlShortfall,
            List<ReportedStep> steps) {
        public Reported {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        /** A reported field that is present; its value may be null. Absent fields are Java nulls. */
        public record Value<T>(T value) {
        }
    }

    /** A reported step fee; {@code fee} may be null. */
    public record ReportedStep(int step, BigDecimal fee) {
    }
}
