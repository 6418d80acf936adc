package io.liqaudit.reconciliation;

import io.liqaudit.fund.FundDays;
import io.liqaudit.fund.FundStatements;
import java.math.BigDecimal;
import java.util.List;

/** What reconciliation answers of one insurance fund. */
final class FundAnswers {

    private FundAnswers() {
    }

    /**
     * A fund's balance at an instant, as the chain gives it (null when unknown: before any stated
     * balance or after an event that could not be recomputed), the balance at the close of the day
     * before, and the entries from that close to the instant.
     */
    public record Balance(AsOf checkpoint, String fundId, String at, BigDecimal balance, BigDecimal previousClose,
            List<FundStatements.Entry> entriesSincePreviousClose) {
    }

    /** One day of a fund's statement: opening + flows = closing, or why not. */
    public record Day(String day, BigDecimal opening, BigDecimal feeContributions, BigDecimal excessEquityDeposits,
            BigDecimal bankruptcyLossDraws, BigDecimal deposits, BigDecimal withdrawals, BigDecimal transfersIn,
            BigDecimal transfersOut, BigDecimal closing, BigDecimal adlShortfall, long events, long breaks, boolean balanced) {

        /** From a row in the fund-statement order (FundDays#rows). */
        static Day of(List<Object> r) {
            return new Day((String) r.get(1), (BigDecimal) r.get(2), (BigDecimal) r.get(3), (BigDecimal) r.get(4),
                    (BigDecimal) r.get(5), (BigDecimal) r.get(6), (BigDecimal) r.get(7), (BigDecimal) r.get(8),
                    (BigDecimal) r.get(9), (BigDecimal) r.get(10), (BigDecimal) r.get(11), (Long) r.get(12), (Long) r.get(13),
                    "true".equals(r.get(14)));
        }
    }

    /** A fund's days of a period with activity, and the breaks among them. */
    public record Statement(AsOf checkpoint, String fundId, String from, String to, List<Day> days, List<FundDays.Break> breaks) {
    }
}
