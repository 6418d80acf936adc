package io.liqaudit.platform.http;

import io.liqaudit.platform.CsvCells;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;

/**
 * A small answer as CSV (RFC 4180, CRLF, a header row, decimals plain, empty for null) when the
 * client asks for it with {@code Accept: text/csv}; JSON stays the default.
 */
public final class CsvAnswer {

    public static final String MEDIA_TYPE = "text/csv";

    private CsvAnswer() {
    }

    /** Whether the client asked for CSV rather than JSON. */
    public static boolean wanted(String accept) {
        return accept != null && accept.contains(MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON);
    }

    /** The CSV text of a header and rows of values (numbers plain, text quoted where it must be). */
    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                out.append(i > 0 ? "," : "").append(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString()
                        : v instanceof Number || v instanceof Boolean ? v.toString() : CsvCells.text(v.toString()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    public static Response.ResponseBuilder ok(String csv) {
        return Response.ok(csv).type(MEDIA_TYPE + "; charset=UTF-8");
    }
}
