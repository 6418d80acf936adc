package io.liqaudit.engine;

import java.math.BigDecimal;

/** Position side; its sign {@code s} is +1 for LONG and −1 for SHORT (spec section 3). */
public enum Side {
    LONG(BigDecimal.ONE), SHORT(BigDecimal.ONE.negate());

    private final BigDecimal sign;

    Side(BigDecimal sign) {
        this.sign = sign;
    }

    public BigDecimal sign() {
        return sign;
    }
}
