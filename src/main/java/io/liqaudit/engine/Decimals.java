package io.liqaudit.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The spec's named roundings (section 1). Each rounds an exact value exactly once. */
final class Decimals {

    private Decimals() {
    }

    /** Smallest multiple of {@code unit} that is ≥ x. */
    static BigDecimal ceilTo(BigDecimal x, BigDecimal unit) {
        return x.divide(unit, 0, RoundingMode.CEILING).multiply(unit);
    }

    /** Largest multiple of {@code unit} that is ≤ x. */
    static BigDecimal floorTo(BigDecimal x, BigDecimal unit) {
        return x.divide(unit, 0, RoundingMode.FLOOR).multiply(unit);
    }

    /** x rounded to {@code quoteScale} places, HALF_UP. */
    static BigDecimal roundMoney(BigDecimal x, int quoteScale) {
        return x.setScale(quoteScale, RoundingMode.HALF_UP);
    }

    static boolean isMultipleOf(BigDecimal x, BigDecimal unit) {
        return x.remainder(unit).signum() == 0;
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
