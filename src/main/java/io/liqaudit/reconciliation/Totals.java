package io.liqaudit.reconciliation;

import java.math.BigDecimal;
import java.util.Map;

/** One group's totals: counts, notional and fees by recipient, and each settlement figure three ways. */
public record Totals(Map<String, String> key, long events, long consistent, long discrepant, long unverifiable,
        BigDecimal notional, BigDecimal feesToFund, BigDecimal feesToVenue, Map<String, Sums> figures) {

    /** A figure as recomputed, as reported, and recomputed − reported. */
    public record Sums(BigDecimal recomputed, BigDecimal reported, BigDecimal difference) {
    }
}
