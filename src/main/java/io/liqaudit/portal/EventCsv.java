package io.liqaudit.portal;

import io.liqaudit.liquidation.EventSearchQueries.EventSummary;
import io.liqaudit.platform.CsvCells;
import java.math.BigDecimal;
import java.util.List;

/** The CSV of a search's events: one header line, then a line per event, as RFC 4180 with CRLF. */
final class EventCsv {

    static final String HEADER = "venue,eventId,sequence,recordedAt,occurredAt,symbol,accountRef,fundId,side,marginMode,"
            + "policyMode,verdict,findingCodes,differingFields,amountAtStake,outcome,markPrice,liquidationPrice,"
            + "bankruptcyPrice,liquidatedQuantity,totalFee,excessEquity,insuranceFundDelta,bankruptcyLoss,adlShortfall\r\n";

    private EventCsv() {
    }

    /** The lines of these events, one chunk of the streamed body. */
    static String lines(List<EventSummary> events) {
        StringBuilder out = new StringBuilder(events.size() * 300);
        for (EventSummary e : events) {
            out.append(CsvCells.text(e.venue())).append(',').append(CsvCells.text(e.eventId())).append(',')
                    .append(e.sequence()).append(',').append(e.recordedAt()).append(',').append(e.occurredAt()).append(',')
                    .append(CsvCells.text(e.symbol())).append(',').append(CsvCells.text(e.accountRef())).append(',')
                    .append(CsvCells.text(e.fundId())).append(',').append(e.side()).append(',').append(e.marginMode())
                    .append(',').append(e.policyMode()).append(',').append(e.verdict()).append(',')
                    .append(CsvCells.text(String.join(";", e.findingCodes()))).append(',')
                    .append(CsvCells.text(String.join(";", e.differingFields()))).append(',')
                    .append(number(e.amountAtStake())).append(',').append(e.outcome() == null ? "" : e.outcome());
            for (BigDecimal d : new BigDecimal[] {e.markPrice(), e.liquidationPrice(), e.bankruptcyPrice(),
                e.liquidatedQuantity(), e.totalFee(), e.excessEquity(), e.insuranceFundDelta(), e.bankruptcyLoss(),
                e.adlShortfall()}) {
                out.append(',').append(number(d));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String number(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
