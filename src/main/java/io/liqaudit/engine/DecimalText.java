package io.liqaudit.engine;

import java.math.BigDecimal;

/** The canonical text of a decimal in the engine's output: plain notation, no trailing zeros. */
public final class DecimalText {

    private DecimalText() {
    }

    public static String of(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
