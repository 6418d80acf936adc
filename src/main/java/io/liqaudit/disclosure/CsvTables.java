package io.liqaudit.disclosure;

import io.liqaudit.standing.Totals;
import io.liqaudit.engine.DecimalText;
import io.liqaudit.platform.CsvCells;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The pages' tables as CSV, with the same numbers at full precision (decimals in plain notation). */
final class CsvTables {

    private CsvTables() {
    }

    static String summary(Map<String, Totals> groups) {
        StringBuilder csv = new StringBuilder("group,liquidations,partial,full,liquidated_notional,fees,fund_inflows,fund_draws,"
                + "adl_shortfall,consistent,discrepant,unverifiable,no_fill\n");
        groups.forEach((g, t) -> csv.append(String.join(",", cell(g), n(t.events()), n(t.partial()), n(t.full()), d(t.notional()),
                d(t.fee()), d(t.inflows()), d(t.draws()), d(t.adlShortfall()), n(t.consistent()), n(t.discrepant()),
                n(t.unverifiable()), n(t.none()))).append('\n'));
        return csv.toString();
    }

    static String ruleBreaks(List<DisclosureQueries.RuleBreaks> venues) {
        StringBuilder csv = new StringBuilder("venue,rules_mismatch,rule_version_unknown,rule_version_not_in_force\n");
        venues.forEach(v -> csv.append(String.join(",", cell(v.venue()), n(v.mismatch()), n(v.unknownVersion()),
                n(v.notInForce()))).append('\n'));
        return csv.toString();
    }

    static String flows(List<DisclosureResource.FundView> funds) {
        StringBuilder csv = new StringBuilder("fund,flow,count,amount\n");
        for (DisclosureResource.FundView f : funds) {
            Totals t = f.totals();
            csv.append(cell(f.fundId())).append(",fee contributions,,").append(d(t.feeToFund())).append('\n');
            csv.append(cell(f.fundId())).append(",excess-equity deposits,").append(t.excessEvents()).append(',')
                    .append(d(t.excessToFund())).append('\n');
            csv.append(cell(f.fundId())).append(",bankruptcy-loss draws,").append(t.drawEvents()).append(",-")
                    .append(d(t.draws())).append('\n');
            csv.append(cell(f.fundId())).append(",ADL shortfalls,").append(t.adlEvents()).append(',')
                    .append(d(t.adlShortfall())).append('\n');
            for (DisclosureQueries.MovementTotal m : f.movements()) {
                csv.append(cell(f.fundId())).append(',').append(cell(m.kind().toLowerCase(java.util.Locale.ROOT))).append(',').append(m.count()).append(',')
                        .append(d(m.amount())).append('\n');
            }
        }
        return csv.toString();
    }

    static String balances(List<DisclosureResource.FundView> funds) {
        StringBuilder csv = new StringBuilder("fund,day,balance_after\n");
        funds.forEach(f -> f.balances().forEach(p -> csv.append(cell(f.fundId())).append(',').append(cell(p.day())).append(',')
                .append(d(p.balance())).append('\n')));
        return csv.toString();
    }

    /** Per fund: opening, each flow, the closing they explain, the closing stated, and what is unexplained. */
    static String reconciliation(List<DisclosureResource.FundView> funds) {
        StringBuilder csv = new StringBuilder("fund,line,entries,amount\n");
        for (DisclosureResource.FundView f : funds) {
            FundAdequacy a = f.adequacy();
            if (a == null) {
                continue;
            }
            csv.append(cell(f.fundId())).append(",opening balance (end of ").append(a.openingDay()).append("),,").append(d(a.opening()))
                    .append('\n');
            for (FundAdequacy.Flow flow : a.flows()) {
                csv.append(cell(f.fundId())).append(',').append(cell(flow.name().toLowerCase(java.util.Locale.ROOT))).append(',')
                        .append(flow.count() >= 0 ? String.valueOf(flow.count()) : "").append(',').append(d(flow.amount())).append('\n');
            }
            csv.append(cell(f.fundId())).append(",closing balance explained,,").append(d(a.explainedClosing())).append('\n');
            csv.append(cell(f.fundId())).append(",closing balance (end of ").append(a.closingDay()).append("),,").append(d(a.closing()))
                    .append('\n');
            csv.append(cell(f.fundId())).append(",unexplained,").append(f.breaks()).append(',').append(d(a.unexplained())).append('\n');
        }
        return csv.toString();
    }

    /** The largest draws or the ADL shortfalls of each fund, with the events behind them. */
    static String losses(List<DisclosureResource.FundView> funds,
            java.util.function.Function<DisclosureResource.FundView, List<DisclosureQueries.Draw>> table) {
        StringBuilder csv = new StringBuilder("fund,sequence,event_id,day,venue,symbol,amount\n");
        funds.forEach(f -> table.apply(f).forEach(dr -> csv.append(String.join(",", cell(f.fundId()), String.valueOf(dr.sequence()),
                cell(dr.eventId()), cell(dr.day()), cell(dr.venue()), cell(dr.symbol()), d(dr.amount()))).append('\n')));
        return csv.toString();
    }

    static String excess(Map<String, Totals> groups) {
        StringBuilder csv = new StringBuilder("policy_and_venue,full_liquidations,with_excess_equity,kept_by_fund,returned_to_traders\n");
        groups.forEach((g, t) -> csv.append(String.join(",", cell(g), n(t.full()), n(t.excessEvents()), d(t.excessToFund()),
                d(t.excessToTrader()))).append('\n'));
        return csv.toString();
    }

    /**
     * The table with the currency its amounts are in as a last column on every row ("not stated"
     * where no admin stated the fund's): a row read alone still says what its amounts are in.
     * Cells never hold a line break, so lines are rows.
     */
    static String withCurrency(String csv, CurrencyChoice currency) {
        String code = currency.code() == null ? "not stated" : currency.code();
        StringBuilder out = new StringBuilder(csv.length() + 64);
        boolean header = true;
        for (String line : csv.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            out.append(line).append(',').append(header ? "currency" : cell(code)).append('\n');
            header = false;
        }
        return out.toString();
    }

    /** The summary's figures: reference, section, figure, unit, value (plain digits) and definition. */
    static String figures(QuarterlySummary summary) {
        StringBuilder csv = new StringBuilder("ref,section,figure,unit,value,definition\n"); // withCurrency adds the currency
        for (QuarterlySummary.Section s : summary.sections()) {
            for (QuarterlySummary.Figure f : s.figures()) {
                csv.append(String.join(",", cell(f.ref()), cell(s.title()), cell(f.name()),
                        f.unit().name().toLowerCase(java.util.Locale.ROOT), cell(f.plain()), cell(f.definition()))).append('\n');
            }
        }
        return csv.toString();
    }

    static String distribution(List<DisclosureResource.Bucket> buckets) {
        StringBuilder csv = new StringBuilder("excess_equity,full_liquidations\n");
        buckets.forEach(b -> csv.append(cell(b.label())).append(',').append(b.count()).append('\n'));
        return csv.toString();
    }

    static String prices(Map<String, Totals> symbols) {
        StringBuilder csv = new StringBuilder("symbol,liquidations_with_both_prices,mean_distance_bps,median_distance_bps_at_most,"
                + "p95_distance_bps_at_most,fund_paid_count,fund_paid_amount,equity_left_count,kept_by_fund,returned_to_traders,"
                + "mark_vs_last_mean_bps\n");
        symbols.forEach((s, t) -> csv.append(String.join(",", cell(s), n(t.distanceCount()), d(t.meanDistanceBps()),
                d(t.distancePercentileBps(50)), d(t.distancePercentileBps(95)), n(t.drawEvents()), d(t.draws()),
                n(t.excessEvents()), d(t.excessToFund()), d(t.excessToTrader()), d(t.meanMarkLastBps()))).append('\n'));
        return csv.toString();
    }

    static String register(List<DisclosureQueries.RegisterRow> rows) {
        StringBuilder csv = new StringBuilder("sequence,event_id,occurred_at,venue,symbol,side,margin_mode,policy,outcome,"
                + "liquidated_quantity,liquidation_price,bankruptcy_price,total_fee,insurance_fund_delta,verdict\n");
        rows.forEach(r -> csv.append(String.join(",", String.valueOf(r.sequence()), cell(r.eventId()), cell(r.occurredAt()), cell(r.venue()),
                cell(r.symbol()), cell(r.side()), cell(r.marginMode()), cell(r.policyMode()), cell(r.outcome()), d(r.liquidatedQuantity()),
                d(r.liquidationPrice()), d(r.bankruptcyPrice()), d(r.totalFee()), d(r.insuranceFundDelta()), cell(r.verdict())))
                .append('\n'));
        return csv.toString();
    }

    private static String n(long v) {
        return String.valueOf(v);
    }

    private static String d(BigDecimal v) {
        return v == null ? "" : DecimalText.of(v);
    }

    /** A text cell: quoted when it holds a separator, neutralised when a spreadsheet would read it as a formula. */
    private static String cell(String s) {
        return CsvCells.text(s);
    }
}
