package io.liqaudit.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A fund's statement built as its chain is walked in order: the running balance (the stated
 * balance before each event starts it again, as the fund chain does), per day of the period the
 * flows by type, and each break (an event whose stated balance is not the running one). Pure: no
 * database, so its arithmetic is tested on its own. Read by the fund-statement report and by
 * reconciliation.
 */
public final class FundDays {

    /** An event whose stated balance before it differs from the balance the chain gives there. */
    public record Break(long sequence, String day, BigDecimal stated, BigDecimal expected) {
    }

    private final String fundId;
    private final LocalDate from;
    private final LocalDate to;
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<Break> breaks = new ArrayList<>();

    /** The running balance; null until an event states one, or after an event that could not be recomputed. */
    private BigDecimal running;
    private Day today;

    public FundDays(String fundId, LocalDate from, LocalDate to) {
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
        if (today != null && inPeriod(today.day)) {
            rows.add(today.row());
        }
    }

    private boolean inPeriod(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(to);
    }

    /** The running balance after what was walked: null when unknown (before any stated balance, or after an unrecomputed event). */
    public BigDecimal balance() {
        return running;
    }

    /** The breaks of the period, in chain order. */
    public List<Break> breaks() {
        return List.copyOf(breaks);
    }

    public void event(long sequence, LocalDate day, BigDecimal stated, BigDecimal delta, BigDecimal feeToFund,
            BigDecimal excessEquity, BigDecimal traderReturn, BigDecimal bankruptcyLoss, BigDecimal adlShortfall) {
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
            if (inPeriod(day)) {
                breaks.add(new Break(sequence, day.toString(), stated, running));
            }
        }
        if (delta == null) {
            // Not recomputed: its effect on the fund is unknown until the next stated balance.
            running = null;
            d.balanced = false;
            return;
        }
        BigDecimal fee = zeroIfNull(feeToFund);
        BigDecimal excess = excessEquity != null && excessEquity.signum() > 0
                && (traderReturn == null || traderReturn.signum() <= 0) ? excessEquity : BigDecimal.ZERO;
        BigDecimal draw = zeroIfNull(bankruptcyLoss).subtract(zeroIfNull(adlShortfall));
        draw = draw.signum() > 0 ? draw : BigDecimal.ZERO;
        d.fees = d.fees.add(fee);
        d.excess = d.excess.add(excess);
        d.draws = d.draws.add(draw);
        d.adl = d.adl.add(zeroIfNull(adlShortfall));
        if (fee.add(excess).subtract(draw).compareTo(delta) != 0) {
            d.balanced = false;
        }
        running = stated.add(delta);
    }

    public void movement(LocalDate day, String kind, BigDecimal signed) {
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

    /**
     * Per day of the period with activity, in the fund-statement report's column order: fund, day,
     * opening, fees, excess equity, draws, deposits, withdrawals, transfers in and out, closing,
     * ADL shortfall, events, breaks, balanced.
     */
    public List<List<Object>> rows() {
        close();
        today = null;
        return rows;
    }

    private static BigDecimal zeroIfNull(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }
}
