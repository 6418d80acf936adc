package io.liqaudit.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The engine's output, ENGINE-SPEC section 10. For an {@link Verdict#UNVERIFIABLE} result only
 * {@code engineVersion}, {@code eventId}, {@code verdict} and {@code unverifiableReasons} are set;
 * the rest is null or empty.
 */
public record EngineResult(
        String engineVersion, String eventId, Verdict verdict, List<String> unverifiableReasons,
        BigDecimal markPrice, Boolean triggered, Boolean ordersCancelled, Boolean resolvedByOrderCancel,
        BigDecimal liquidationPrice, BigDecimal bankruptcyPrice, List<Step> steps,
        Outcome outcome, BigDecimal liquidatedQuantity, BigDecimal totalFee, BigDecimal excessEquity,
        BigDecimal traderReturn, BigDecimal bankruptcyLoss, BigDecimal insuranceFundDelta,
        BigDecimal insuranceFundBalanceAfter, BigDecimal adlShortfall, BigDecimal remainingLiquidationPrice,
        List<Finding> findings, List<Difference> differences) {

    public EngineResult {
        unverifiableReasons = List.copyOf(unverifiableReasons);
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
        differences = List.copyOf(differences);
    }

    static EngineResult unverifiable(String eventId, List<String> reasons) {
        return new EngineResult(LiquidationEngine.VERSION, eventId, Verdict.UNVERIFIABLE, reasons, null, null, null,
                null, null, null, List.of(), null, null, null, null, null, null, null, null, null, null, List.of(),
                List.of());
    }

    public boolean isVerifiable() {
        return verdict != Verdict.UNVERIFIABLE;
    }

    /** One applied fill, as replayed (section 6.3); {@code plannedQuantity} is 0 for an unplanned step. */
    public record Step(int step, BigDecimal markPrice, BigDecimal plannedQuantity, BigDecimal quantity,
            BigDecimal price, BigDecimal realizedPnl, BigDecimal fee, BigDecimal collateralAfter,
            BigDecimal remainingQuantity) {
    }

    /** A rule that the event broke; {@code step}, {@code expected} and {@code actual} are null where they do not apply. */
    public record Finding(FindingCode code, Integer step, BigDecimal expected, BigDecimal actual) {
        static Finding of(FindingCode code) {
            return new Finding(code, null, null, null);
        }

        static Finding atStep(FindingCode code, int step) {
            return new Finding(code, step, null, null);
        }
    }

    /**
     * A reported field that differs from the recomputed one. Values are text: decimals in plain
     * notation, outcomes by name, null where there is none.
     */
    public record Difference(String field, String reported, String recomputed) {
    }
}
