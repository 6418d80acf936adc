package io.liqaudit.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A fund's statement built as its chain is walked in order: the running balance (the stated
 * balance before each event starts it again, as the fund chain does), and per day of the period
 * the flows by type. Pure: no database, so its arithmetic is tested on its own.
 */
final class FundDays {

    private final String fundId;
    private final LocalDate from;
    private final LocalDate to;
    private final List<List<Object>> rows = new ArrayList<>();

    /** The running balance; null until an event states one, or after an event that could not be recomputed. */
    private BigDecimal running;
    private Day today;

    FundDays(String fundId, LocalDate from, LocalDate to) {
        this.fundId = fundId;
        this.from = from;
        this.to = to;
    }

    private final class Day {
        final LocalDate day;
        BigDecimal opening = running;
        long elements;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal excess = BigDecimal.ZERO;
        BigDecimal draws = BigDecimal.ZERO;
        BigDecimal deposits = BigDecimal.ZERO;
        BigDecimal withdrawals = BigDecimal.ZERO;
        BigDecimal transfersIn = BigDecimal.ZERO;
        BigDecimal transfersOut = BigDecimal.ZERO;
        BigDecimal adl = BigDecimal.ZERO;
        long events;
        long breaks;
        /** Whether every event's recomputed delta equals its flows (fee + excess − draw) and nothing broke the chain. */
        boolean balanced = true;

        Day(LocalDate day) {
            this.day = day;
        }

        List<Object> row() {
            BigDecimal flows = fees.add(excess).subtract(draws).add(deposits).subtract(withdrawals).add(transfersIn)
                    .subtract(transfersOut);
            boolean adds = balanced && opening != null && running != null && opening.add(flows).compareTo(running) == 0;
            List<Object> r = new ArrayList<>();
            r.add(fundId);
            r.add(day.toString());
            r.add(opening);
            r.add(fees);
            r.add(excess);
            r.add(draws);
            r.add(deposits);
            r.add(withdrawals);
            r.add(transfersIn);
            r.add(transfersOut);
            r.add(running);
            r.add(adl);
            r.add(events);
            r.add(breaks);
            r.add(adds ? "true" : "false");
            return r;
        }
    }

    private Day on(LocalDate day) {
        if (today == null || !today.day.equals(day)) {
            close();
            today = new Day(day);
        }
        return today;
    }

    private void close() {
        if (today != null && !today.day.isBefore(from) && today.day.isBefore(to)) {
            rows.add(today.row());
        }
    }

    void event(LocalDate day, BigDecimal stated, BigDecimal delta, BigDecimal feeToFund, BigDecimal excessEquity,
            BigDecimal traderReturn, BigDecimal bankruptcyLoss, BigDecimal adlShortfall) {
        Day d = on(day);
        d.events++;
        boolean first = d.elements++ == 0;
        if (running == null && first) {
            // The fund's first entry of the day with no balance known before it: the venue's stated one opens the day.
            d.opening = stated;
        }
        if (running != null && stated.compareTo(running) != 0) {
            d.breaks++;
            d.balanced = false;
        }
        if (delta == null) {
            // Not recomputed: its effect on the fund is unknown until the next stated balance.
            running = null;
            d.balanced = false;
            return;
        }
        BigDecimal fee = FundStatementQueries.zeroIfNull(feeToFund);
        BigDecimal excess = excessEquity != null && excessEquity.signum() > 0
                && (traderReturn == null || traderReturn.signum() <= 0) ? excessEquity : BigDecimal.ZERO;
        BigDecimal draw = FundStatementQueries.zeroIfNull(bankruptcyLoss).subtract(FundStatementQueries.zeroIfNull(adlShortfall));
        draw = draw.signum() > 0 ? draw : BigDecimal.ZERO;
        d.fees = d.fees.add(fee);
        d.excess = d.excess.add(excess);
        d.draws = d.draws.add(draw);
        d.adl = d.adl.add(FundStatementQueries.zeroIfNull(adlShortfall));
        if (fee.add(excess).subtract(draw).compareTo(delta) != 0) {
            d.balanced = false;
        }
        running = stated.add(delta);
    }

    void movement(LocalDate day, String kind, BigDecimal signed) {
        Day d = on(day);
        d.elements++;
        BigDecimal amount = signed.abs();
        switch (kind) {
            case "DEPOSIT" -> d.deposits = d.deposits.add(amount);
            case "WITHDRAWAL" -> d.withdrawals = d.withdrawals.add(amount);
            case "TRANSFER_IN" -> d.transfersIn = d.transfersIn.add(amount);
            default -> d.transfersOut = d.transfersOut.add(amount);
        }
        running = running == null ? null : running.add(signed);
    }

    List<List<Object>> rows() {
        close();
        today = null;
        return rows;
    }
}
