package io.liqaudit.portal;

import io.liqaudit.cases.CaseView;
import io.liqaudit.platform.CsvCells;
import java.util.List;

/** The CSV of a cases list: one header line, then a line per case (RFC 4180, CRLF). */
final class CaseCsv {

    static final String HEADER = "id,venue,eventId,eventSequence,state,outcome,assignee,proposedBy,snoozedUntil,openedAt,updatedAt\r\n";

    private CaseCsv() {
    }

    static String lines(List<CaseView> cases) {
        StringBuilder out = new StringBuilder();
        for (CaseView c : cases) {
            out.append(c.id()).append(',').append(CsvCells.text(c.venue())).append(',').append(CsvCells.text(c.eventId()))
                    .append(',').append(c.eventSequence()).append(',').append(c.state()).append(',')
                    .append(c.outcome() == null ? "" : c.outcome().name()).append(',').append(CsvCells.text(c.assignee()))
                    .append(',').append(CsvCells.text(c.proposedBy())).append(',')
                    .append(c.snoozedUntil() == null ? "" : c.snoozedUntil()).append(',').append(c.openedAt()).append(',')
                    .append(c.updatedAt()).append("\r\n");
        }
        return out.toString();
    }
}
