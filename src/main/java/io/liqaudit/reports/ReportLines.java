package io.liqaudit.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.platform.CsvCells;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.math.BigDecimal;
import java.util.List;

/**
 * A report row as a CSV line (RFC 4180, CRLF; decimals plain; lists ';'-separated; empty for
 * null) and as a JSON Lines object (decimals as strings, exactly; lists as arrays; null as null).
 */
final class ReportLines {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    private ReportLines() {
    }

    static String csvHeader(List<String> columns) {
        return String.join(",", columns) + "\r\n";
    }

    static String csv(List<Object> values) {
        StringBuilder out = new StringBuilder(300);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            if (v instanceof BigDecimal d) {
                out.append(d.toPlainString());
            } else if (v instanceof Long || v instanceof Integer) {
                out.append(v);
            } else if (v instanceof List<?> list) {
                out.append(CsvCells.text(String.join(";", list.stream().map(String::valueOf).toList())));
            } else {
                out.append(CsvCells.text(v.toString()));
            }
        }
        return out.append("\r\n").toString();
    }

    static String jsonLine(List<String> columns, List<Object> values) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            Object v = values.get(i);
            if (v == null) {
                o.putNull(name);
            } else if (v instanceof BigDecimal d) {
                o.put(name, d.toPlainString());
            } else if (v instanceof Long l) {
                o.put(name, l);
            } else if (v instanceof List<?> list) {
                ArrayNode a = o.putArray(name);
                list.forEach(x -> a.add(String.valueOf(x)));
            } else {
                o.put(name, v.toString());
            }
        }
        return o.toString() + "\n";
    }
}
