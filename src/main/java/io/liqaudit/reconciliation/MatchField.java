package io.liqaudit.reconciliation;

import java.util.Optional;

/** A settlement field a statement line may carry, and where our recomputed value of it is. */
enum MatchField {
    OUTCOME("outcome", "outcome", false),
    MARK_PRICE("markPrice", "mark_price", true),
    LIQUIDATION_PRICE("liquidationPrice", "liquidation_price", true),
    BANKRUPTCY_PRICE("bankruptcyPrice", "bankruptcy_price", true),
    LIQUIDATED_QUANTITY("liquidatedQuantity", "liquidated_quantity", true),
    TOTAL_FEE("totalFee", "total_fee", true),
    EXCESS_EQUITY("excessEquity", "excess_equity", true),
    TRADER_RETURN("traderReturn", "trader_return", true),
    INSURANCE_FUND_DELTA("insuranceFundDelta", "insurance_fund_delta", true),
    BANKRUPTCY_LOSS("bankruptcyLoss", "bankruptcy_loss", true),
    ADL_SHORTFALL("adlShortfall", "adl_shortfall", true);

    final String field;
    final String column;
    final boolean decimal;

    MatchField(String field, String column, boolean decimal) {
        this.field = field;
        this.column = column;
        this.decimal = decimal;
    }

    static Optional<MatchField> named(String field) {
        for (MatchField f : values()) {
            if (f.field.equals(field)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
