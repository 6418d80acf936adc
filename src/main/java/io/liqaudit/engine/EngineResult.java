package io.liqaudit.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The engine's output, ENGINE-SPEC section 10: either a {@link Replayed} event with every figure,
 * or an {@link Unverifiable} one with only its reasons, so no reader checks twenty nulls.
 */
public sealed interface EngineResult permits EngineResult.Replayed, EngineResult.Unverifiable {

    String engineVersion();

    String eventId();

    Verdict verdict();

    /** Why the event could not be replayed; empty for a replayed one. */
    List<String> unverifiableReasons();

    default boolean isVerifiable() {
        return this instanceof Replayed;
    }

    /** The replay's figures, when there was a replay. */
    default java.util.Optional<Replayed> replayed() {
        return this instanceof Replayed r ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    /** A replayed event (verdict CONSISTENT or DISCREPANT) with every figure of section 10. */
    record Replayed(
            String engineVersion, String eventId, Verdict verdict,
            BigDecimal markPrice, Boolean triggered, Boolean ordersCancelled, Boolean resolvedByOrderCancel,
            BigDecimal liquidationPrice, BigDecimal bankruptcyPrice, List<Step> steps,
            Outcome outcome, BigDecimal liquidatedQuantity, BigDecimal totalFee, BigDecimal excessEquity,
            BigDecimal traderReturn, BigDecimal bankruptcyLoss, BigDecimal insuranceFundDelta,
            BigDecimal insuranceFundBalanceAfter, BigDecimal adlShortfall, BigDecimal remainingLiquidationPrice,
            List<Finding> findings, List<Difference> differences) implements EngineResult {

        public Replayed {
            steps = List.copyOf(steps);
            findings = List.copyOf(findings);
            differences = List.copyOf(differences);
        }

        @Override
        public List<String> unverifiableReasons() {
            return List.of();
        }
    }

    /** An event that is well-formed but cannot be replayed (section 9): only its reasons. */
    record Unverifiable(String engineVersion, String eventId, List<String> unverifiableReasons) implements EngineResult {

        public Unverifiable {
            unverifiableReasons = List.copyOf(unverifiableReasons);
        }

        @Override
        public Verdict verdict() {
            return Verdict.UNVERIFIABLE;
        }
    }

    static EngineResult unverifiable(String eventId, List<String> reasons) {
        return new Unverifiable(LiquidationEngine.VERSION, eventId, reasons);
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
