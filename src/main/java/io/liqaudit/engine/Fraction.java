package io.liqaudit.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact quotient {@code numerator / denominator} with a positive denominator. The spec's
 * intermediate results are exact; a quotient of decimals often is not a finite decimal, so it
 * is kept as a fraction until the one rounding the spec names.
 */
public record Fraction(BigDecimal numerator, BigDecimal denominator) implements Comparable<Fraction> {

    public Fraction {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
    }

    public static Fraction of(BigDecimal value) {
        return new Fraction(value, BigDecimal.ONE);
    }

    public int signum() {
        return numerator.signum();
    }

    /** This value times {@code factor}, exactly. */
    public Fraction times(BigDecimal factor) {
        return new Fraction(numerator.multiply(factor), denominator);
    }

    @Override
    public int compareTo(Fraction other) {
        // Denominators are positive, so cross-multiplying keeps the order.
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    public int compareTo(BigDecimal value) {
        return numerator.compareTo(value.multiply(denominator));
    }

    /**
     * Rounds to a multiple of {@code unit} (> 0) in the given mode, with a single exact rounding:
     * {@code round(numerator / (denominator · unit)) · unit}.
     */
    public BigDecimal roundToMultipleOf(BigDecimal unit, RoundingMode mode) {
        return numerator.divide(denominator.multiply(unit), 0, mode).multiply(unit);
    }
}
