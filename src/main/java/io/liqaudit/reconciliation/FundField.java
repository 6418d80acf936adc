package io.liqaudit.reconciliation;

import java.util.Optional;

/** A figure of a fund's day a statement line may carry, and its place in a FundDays row. */
enum FundField {
    OPENING_BALANCE("openingBalance", 2),
    FEE_CONTRIBUTIONS("feeContributions", 3),
    EXCESS_EQUITY_DEPOSITS("excessEquityDeposits", 4),
    BANKRUPTCY_LOSS_DRAWS("bankruptcyLossDraws", 5),
    DEPOSITS("deposits", 6),
    WITHDRAWALS("withdrawals", 7),
    TRANSFERS_IN("transfersIn", 8),
    TRANSFERS_OUT("transfersOut", 9),
    CLOSING_BALANCE("closingBalance", 10),
    ADL_SHORTFALL("adlShortfall", 11);

    final String field;
    final int column;

    FundField(String field, int column) {
        this.field = field;
        this.column = column;
    }

    /** Whether it is a balance (carried over a quiet day) rather than a flow (zero on a quiet day). */
    boolean balance() {
        return this == OPENING_BALANCE || this == CLOSING_BALANCE;
    }

    static Optional<FundField> named(String field) {
        for (FundField f : values()) {
            if (f.field.equals(field)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
