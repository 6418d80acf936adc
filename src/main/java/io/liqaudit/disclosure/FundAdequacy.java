package io.liqaudit.disclosure;

import io.liqaudit.standing.Totals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A fund over a period, said plainly: its opening balance, each flow (liquidations' fees, excess
 * equity and draws; deposits, withdrawals and transfers), the closing balance those explain and the
 * closing balance stated, and what remains unexplained (balance breaks). Then how close it came to
 * empty: days it ended at or below zero, and its largest single-day draw against the balance before
 * it (the CPMI-IOSCO idea of resources against the largest stress loss: coverage = balance / draw).
 * Pure arithmetic over what the page already read.
 */
public record FundAdequacy(String openingDay, BigDecimal opening, List<Flow> flows, BigDecimal explainedClosing, String closingDay,
        BigDecimal closing, BigDecimal unexplained, long emptyDays, DisclosureQueries.BalancePoint largestDailyDraw,
        BigDecimal balanceBeforeLargestDraw, BigDecimal coverage) {

    /** One line of the reconciliation: a flow's name, how many entries made it, and its signed effect on the balance. */
    public record Flow(String name, long count, BigDecimal amount) {
    }

    /** Null when the fund has no balance to start from (only unverifiable liquidations). */
    static FundAdequacy of(Totals t, DisclosureQueries.FundBalances balances, List<DisclosureQueries.MovementTotal> movements,
            List<DisclosureQueries.BalancePoint> dailyDraws) {
        if (balances == null) {
            return null;
        }
        List<Flow> flows = new ArrayList<>();
        if (balances.firstStated() != null) {
            flows.add(new Flow("Balance stated by its first liquidation", -1, balances.firstStated()));
        }
        flows.add(new Flow("Fee contributions", -1, t.feeToFund()));
        flows.add(new Flow("Excess-equity deposits", t.excessEvents(), t.excessToFund()));
        flows.add(new Flow("Bankruptcy-loss draws", t.drawEvents(), t.draws().negate()));
        for (DisclosureQueries.MovementTotal m : movements) {
            boolean in = m.kind().equals("DEPOSIT") || m.kind().equals("TRANSFER_IN");
            flows.add(new Flow(name(m.kind()), m.count(), in ? m.amount() : m.amount().negate()));
        }
        BigDecimal explained = balances.opening();
        for (Flow f : flows) {
            explained = explained.add(f.amount());
        }
        List<DisclosureQueries.BalancePoint> days = balances.days();
        DisclosureQueries.BalancePoint last = days.isEmpty() ? null : days.get(days.size() - 1);
        BigDecimal closing = last == null ? balances.opening() : last.balance();
        long empty = days.stream().filter(d -> d.balance().signum() <= 0).count();

        DisclosureQueries.BalancePoint largest = null;
        for (DisclosureQueries.BalancePoint d : dailyDraws) {
            if (largest == null || d.balance().compareTo(largest.balance()) > 0) {
                largest = d;
            }
        }
        BigDecimal before = null;
        BigDecimal coverage = null;
        if (largest != null) {
            before = balances.opening();
            for (DisclosureQueries.BalancePoint d : days) {
                if (d.day().compareTo(largest.day()) < 0) {
                    before = d.balance();
                }
            }
            coverage = before.divide(largest.balance(), 2, RoundingMode.HALF_UP);
        }
        return new FundAdequacy(balances.openingDay(), balances.opening(), flows, explained, last == null ? balances.openingDay()
                : last.day(), closing, closing.subtract(explained), empty, largest, before, coverage);
    }

    private static String name(String kind) {
        return switch (kind) {
            case "DEPOSIT" -> "Deposits";
            case "WITHDRAWAL" -> "Withdrawals";
            case "TRANSFER_IN" -> "Transfers in";
            case "TRANSFER_OUT" -> "Transfers out";
            default -> kind;
        };
    }
}
