package io.liqaudit.reconciliation;

/**
 * A settlement figure summed three ways: as we recomputed it, as the venue reported it (over the
 * events that reported it), and the difference recomputed − reported (over the events with both).
 * Each is SQL over the pinned recomputation {@code r} and the recorded input {@code j.i}; never
 * taken from a request.
 */
enum Figure {
    LIQUIDATED_QUANTITY("liquidatedQuantity", "r.liquidated_quantity", reported("liquidatedQuantity")),
    TOTAL_FEE("totalFee", "r.total_fee", reported("totalFee")),
    EXCESS_EQUITY("excessEquity", "r.excess_equity", reported("excessEquity")),
    TRADER_RETURN("traderReturn", "r.trader_return", reported("traderReturn")),
    BANKRUPTCY_LOSS("bankruptcyLoss", "r.bankruptcy_loss", reported("bankruptcyLoss")),
    /** What the fund paid: bankruptcy loss less ADL shortfall (ENGINE-SPEC: draw = loss − shortfall). */
    FUND_DRAW("fundDraw", "(r.bankruptcy_loss - r.adl_shortfall)",
            "(" + reported("bankruptcyLoss") + " - " + reported("adlShortfall") + ")"),
    ADL_SHORTFALL("adlShortfall", "r.adl_shortfall", reported("adlShortfall")),
    INSURANCE_FUND_DELTA("insuranceFundDelta", "r.insurance_fund_delta", reported("insuranceFundDelta"));

    final String field;
    final String recomputed;
    final String reported;

    Figure(String field, String recomputed, String reported) {
        this.field = field;
        this.recomputed = recomputed;
        this.reported = reported;
    }

    /** The venue's figure as recorded; null when it reported none (or reported null). */
    private static String reported(String field) {
        return "(j.i #>> '{reported," + field + "}')::numeric";
    }
}
