package io.liqaudit.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A fund line against our day: each given figure within its tolerance (0 when none is given). Our
 * day is its statement row when the fund had activity that day; otherwise the balance carries
 * over from the last active day before it (or the balance entering the period) and every flow is
 * zero. An unknown balance (after an event that could not be recomputed) matches nothing. Pure.
 */
final class FundMatcher {

    private FundMatcher() {
    }

    /** Our figures of a fund's day, from its active days (FundDays rows by day) and the balance entering the period. */
    static Map<FundField, BigDecimal> ours(NavigableMap<LocalDate, List<Object>> active, BigDecimal entering, LocalDate day) {
        Map<FundField, BigDecimal> out = new EnumMap<>(FundField.class);
        List<Object> row = active.get(day);
        if (row != null) {
            for (FundField f : FundField.values()) {
                out.put(f, (BigDecimal) row.get(f.column));
            }
            return out;
        }
        var before = active.lowerEntry(day);
        BigDecimal balance = before == null ? entering : (BigDecimal) before.getValue().get(FundField.CLOSING_BALANCE.column);
        for (FundField f : FundField.values()) {
            out.put(f, f.balance() ? balance : BigDecimal.ZERO);
        }
        return out;
    }

    static List<Match.Mismatch> compare(Match.FundLine line, Map<FundField, BigDecimal> ours, Map<FundField, BigDecimal> tolerance) {
        List<Match.Mismatch> out = new ArrayList<>();
        for (Map.Entry<FundField, BigDecimal> given : line.values().entrySet()) {
            FundField f = given.getKey();
            BigDecimal theirs = given.getValue();
            BigDecimal mine = ours.get(f);
            BigDecimal difference = mine == null ? null : mine.subtract(theirs);
            if (difference == null || difference.abs().compareTo(tolerance.getOrDefault(f, BigDecimal.ZERO)) > 0) {
                out.add(new Match.Mismatch(line.line(), null, null, line.fundId(), line.day().toString(), f.field,
                        theirs.toPlainString(), mine == null ? null : mine.toPlainString(), difference));
            }
        }
        out.sort(java.util.Comparator.comparing(Match.Mismatch::field));
        return out;
    }
}
