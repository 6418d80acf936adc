package io.liqaudit.disclosure;

import io.liqaudit.standing.Totals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A period's public quantitative disclosure in the spirit of the CPMI-IOSCO PQD template: numbered
 * figures, each with its unit and a definition saying what it counts and from what, grouped as
 * liquidations, outcomes for traders, default resources (the insurance funds, each with its
 * reconciliation and coverage) and verification. Pure: made from what the other pages read, so
 * each figure equals the same figure there.
 */
public record QuarterlySummary(List<Section> sections, String currency) {

    /** How a figure's value reads: people's format on the page, plain text in the CSV. */
    public enum Unit {
        COUNT, MONEY, BASIS_POINTS, RATIO, PERCENT, TEXT
    }

    /**
     * A numbered figure; {@code value} null when it does not apply (shown as a dash), {@code text}
     * for TEXT; {@code currency} the currency of a MONEY figure (null for the others).
     */
    public record Figure(String ref, String name, Unit unit, BigDecimal value, String text, String currency, String definition) {

        /** Whether the value is a number (right-aligned, never wrapped) rather than text (a version, a hash). */
        public boolean numeric() {
            return unit != Unit.TEXT;
        }

        /** As the page shows it. */
        public String shown() {
            if (unit == Unit.TEXT) {
                return text;
            }
            if (value == null) {
                return "–";
            }
            return switch (unit) {
                case COUNT -> Formats.count(value.longValueExact());
                case MONEY -> Formats.money(value) + (currency == null ? "" : " " + currency);
                case BASIS_POINTS -> Formats.bps(value);
                case RATIO -> Formats.decimal(value) + "×";
                case PERCENT -> Formats.decimal(value) + " %";
                case TEXT -> text;
            };
        }

        /** As the CSV holds it: digits only (no separators), empty when it does not apply. */
        public String plain() {
            if (unit == Unit.TEXT) {
                return text;
            }
            return value == null ? "" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }
    }

    public record Section(String number, String title, List<Figure> figures) {
    }

    /** The figures of a scope: its totals (with histograms), its funds as the insurance-fund page reads them. */
    static QuarterlySummary of(Totals t, List<DisclosureResource.FundView> funds, String engineVersion, Long treeSize,
            String rootHash, String currency) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Builder("1", "Liquidations", currency)
                .count("Liquidations recorded", t.events(), "Liquidation events the venue reported that happened in the period "
                        + "(their occurredAt, UTC), each recorded once in the log.")
                .count("Partial liquidations", t.partial(), "Liquidations our engine's replay closed part of the position in.")
                .count("Full liquidations", t.full(), "Liquidations our engine's replay closed the whole position in.")
                .count("Liquidations with no fill", t.none(), "Liquidations resolved without a fill: cancelling open orders "
                        + "restored the margin, or nothing was filled.")
                .count("Not replayable", t.unverifiable(), "Events our engine could not replay from their inputs (verdict "
                        + "unverifiable): they have no outcome and count in no figure below; 1.1 = 1.2 + 1.3 + 1.4 + 1.5.")
                .money("Liquidated notional", t.notional(), "The sum of quantity × price over every fill of the replayable "
                        + "liquidations, in the funds' currency.")
                .money("Liquidation fees", t.fee(), "The sum of the fees our engine computed for every fill (notional × the "
                        + "venue's fee rate, rounded half-up to the currency's decimals, capped on the last fill).")
                .money("Fees paid to insurance funds", t.feeToFund(), "The part of 1.7 whose recipient is the insurance fund "
                        + "under the venue's published policy.")
                .build());
        long[] left = t.excessHist();
        sections.add(new Builder("2", "Outcomes for traders", currency)
                .count("Bankrupt full liquidations", left[0], "Full liquidations that left negative equity: a bankruptcy loss "
                        + "paid by the insurance fund, or passed to auto-deleveraging where the fund could not pay it.")
                .count("Full liquidations that left nothing", left[1], "Full liquidations that ended with equity exactly zero.")
                .count("Liquidations with excess equity", t.excessEvents(), "Liquidations that closed an isolated position "
                        + "with equity left over.")
                .money("Excess equity kept by insurance funds", t.excessToFund(), "Excess equity the venue's policy gives to "
                        + "the insurance fund.")
                .money("Excess equity returned to traders", t.excessToTrader(), "Excess equity the venue's policy returns to "
                        + "the trader.")
                .bps("Mean distance of liquidation from bankruptcy price", t.meanDistanceBps(), "|liquidation price − "
                        + "bankruptcy price| / bankruptcy price in basis points, averaged over liquidations with both prices: "
                        + "how much room the liquidation price left before the trader's equity ran out.")
                .bps("95th percentile of that distance (at most)", t.distancePercentileBps(95), "The upper edge of the "
                        + "25 bp bucket holding the 95th percentile of 2.6's distances.")
                .build());
        sections.add(new Builder("3", "Default resources: insurance funds", currency)
                .money("Bankruptcy losses", t.bankruptcyLoss(), "The sum of negative equity left by bankrupt liquidations "
                        + "(2.1): the losses the insurance funds and ADL had to absorb.")
                .money("Paid by insurance funds", t.draws(), "The part of 3.1 the insurance funds paid (draws), up to what "
                        + "each held at the time.")
                .count("Liquidations drawing on a fund", t.drawEvents(), "Liquidations with a draw in 3.2.")
                .money("Passed to auto-deleveraging (ADL shortfalls)", t.adlShortfall(), "The part of 3.1 no fund covered; "
                        + "3.1 = 3.2 + 3.4. Each one is listed with its liquidation on the insurance-fund page.")
                .count("Liquidations with an ADL shortfall", t.adlEvents(), "Liquidations with a shortfall in 3.4.")
                .build());
        int n = 4;
        for (DisclosureResource.FundView fund : funds) {
            sections.add(fund(String.valueOf(n++), fund, currency));
        }
        sections.add(new Builder(String.valueOf(n), "Verification and integrity", currency)
                .count("Consistent", t.consistent(), "Liquidations whose reported figures our replay reproduced, with the "
                        + "fund's balance continuing from its previous liquidation.")
                .count("Discrepant", t.discrepant(), "Liquidations where the venue's figures differ from our replay, or the "
                        + "fund's balance does not continue; each finding is on the liquidation's public page.")
                .count("Unverifiable", t.unverifiable(), "Liquidations our engine could not replay (as 1.5).")
                .percent("Discrepant share of replayable liquidations", share(t.discrepant(), t.consistent() + t.discrepant()),
                        "Discrepant / (consistent + discrepant), to one decimal.")
                .text("Engine version", engineVersion, "The version of our liquidation engine whose recomputations these "
                        + "figures are.")
                .text("Signed log checkpoint", treeSize == null ? "none yet" : treeSize + " entries, root " + rootHash,
                        "The signed checkpoint of the tamper-evident log these pages cover; anyone can check each "
                        + "liquidation's inclusion proof against it.")
                .build());
        return new QuarterlySummary(sections, currency);
    }

    /** A fund's reconciliation and adequacy, as its insurance-fund section says them. */
    private static Section fund(String number, DisclosureResource.FundView fund, String currency) {
        Builder b = new Builder(number, "Insurance fund " + fund.fundId(), currency);
        FundAdequacy a = fund.adequacy();
        if (a == null) {
            return b.text("Balance", "not known", "The fund's liquidations in this period were not replayable, so no "
                    + "balance follows from them.").build();
        }
        b.money("Opening balance (end of " + a.openingDay() + ")", a.opening(), "The fund's balance after its last "
                + "liquidation or movement before the period.");
        for (FundAdequacy.Flow f : a.flows()) {
            b.money(f.name(), f.amount(), "A flow into (+) or out of (−) the fund in the period"
                    + (f.count() >= 0 ? ", from " + f.count() + " entries." : "."));
        }
        return b.money("Closing balance these explain", a.explainedClosing(), "The opening balance plus every flow above.")
                .money("Closing balance (end of " + a.closingDay() + ")", a.closing(), "The balance after the fund's last "
                        + "liquidation or movement in the period, as its liquidations stated it.")
                .money("Unexplained", a.unexplained(), "Closing balance − the closing balance the flows explain: what balance "
                        + "continuity breaks (" + fund.breaks() + " in the period) leave unexplained.")
                .count("Days at or below zero", a.emptyDays(), "Days the fund ended with nothing to pay losses from.")
                .money("Largest single-day draw", a.largestDailyDraw() == null ? null : a.largestDailyDraw().balance(),
                        "The most the fund paid for bankruptcy losses on one UTC day of the period"
                                + (a.largestDailyDraw() == null ? "." : " (" + a.largestDailyDraw().day() + ")."))
                .ratio("Coverage of the largest day", a.coverage(), "The balance before that day / that day's draws, the "
                        + "CPMI-IOSCO idea of default resources against the largest stress loss: below 1× the fund could not "
                        + "have paid that day again from what it held.")
                .build();
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 1000L).divide(BigDecimal.valueOf(whole), 0,
                java.math.RoundingMode.HALF_UP).movePointLeft(1);
    }

    /** Numbers a section's figures as they are added: 1.1, 1.2, … */
    private static final class Builder {
        private final String number;
        private final String title;
        private final String currency;
        private final List<Figure> figures = new ArrayList<>();

        Builder(String number, String title, String currency) {
            this.number = number;
            this.title = title;
            this.currency = currency;
        }

        private Builder add(String name, Unit unit, BigDecimal value, String text, String definition) {
            figures.add(new Figure(number + "." + (figures.size() + 1), name, unit, value, text, unit == Unit.MONEY ? currency : null,
                    definition));
            return this;
        }

        Builder count(String name, long value, String definition) {
            return add(name, Unit.COUNT, BigDecimal.valueOf(value), null, definition);
        }

        Builder money(String name, BigDecimal value, String definition) {
            return add(name, Unit.MONEY, value, null, definition);
        }

        Builder bps(String name, BigDecimal value, String definition) {
            return add(name, Unit.BASIS_POINTS, value, null, definition);
        }

        Builder ratio(String name, BigDecimal value, String definition) {
            return add(name, Unit.RATIO, value, null, definition);
        }

        Builder percent(String name, BigDecimal value, String definition) {
            return add(name, Unit.PERCENT, value, null, definition);
        }

        Builder text(String name, String text, String definition) {
            return add(name, Unit.TEXT, null, text, definition);
        }

        Section build() {
            return new Section(number, title, List.copyOf(figures));
        }
    }
}
