package io.liqaudit.reconciliation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.liqaudit.platform.http.CsvRecords;
import io.liqaudit.platform.http.QueryParams;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a statement sent for matching as it arrives (a token stream, never a tree of the whole
 * body): its parameters, and its lines one by one. A bad line is a problem naming its number and
 * the rest go on; a body that is not the statement's shape, or holds more than
 * {@link #MAX_LINES} lines, is a bad request (in {@code params}).
 */
final class StatementReader {

    static final int MAX_LINES = 100_000;
    private static final JsonFactory JSON = new JsonFactory();

    /** The statement as read: raw parameters, the lines that read, the lines that did not. */
    record Read(String kind, String period, String venue, boolean dryRun, Map<String, String> tolerance, List<Match.Line> lines,
            List<Match.Problem> problems) {
    }

    private StatementReader() {
    }

    static Read json(InputStream in, QueryParams params) {
        String kind = null;
        String period = null;
        String venue = null;
        boolean dryRun = false;
        Map<String, String> tolerance = new LinkedHashMap<>();
        List<Match.Line> lines = new ArrayList<>();
        List<Match.Problem> problems = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                params.problem("body", "must be a JSON object: {kind, period, venue, dryRun, tolerance, lines}");
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "kind" -> kind = text(p, value, params, "kind");
                    case "period" -> period = text(p, value, params, "period");
                    case "venue" -> venue = text(p, value, params, "venue");
                    case "dryRun" -> {
                        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                            dryRun = value == JsonToken.VALUE_TRUE;
                        } else {
                            params.problem("dryRun", "must be true or false");
                        }
                    }
                    case "tolerance" -> {
                        if (value != JsonToken.START_OBJECT) {
                            params.problem("tolerance", "must be an object of field: amount");
                            p.skipChildren();
                        } else {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String field = p.currentName();
                                JsonToken t = p.nextToken();
                                tolerance.put(field, t == JsonToken.VALUE_STRING || t.isNumeric() ? p.getText() : null);
                                p.skipChildren();
                            }
                        }
                    }
                    case "lines" -> {
                        if (value != JsonToken.START_ARRAY) {
                            params.problem("lines", "must be an array of objects");
                            p.skipChildren();
                            break;
                        }
                        int number = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            number++;
                            if (number > MAX_LINES) {
                                params.problem("lines", "at most " + MAX_LINES + " lines per statement");
                                return null;
                            }
                            line(p, number, lines, problems);
                        }
                    }
                    default -> {
                        params.problem(name.length() > 64 ? "body" : name, "is not part of a statement (kind, period, venue, "
                                + "dryRun, tolerance, lines)");
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            params.problem("body", "is not well-formed JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        }
        return new Read(kind, period, venue, dryRun, tolerance, lines, problems);
    }

    private static void line(JsonParser p, int number, List<Match.Line> lines, List<Match.Problem> problems) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            problems.add(new Match.Problem(number, "is not an object"));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String why = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isStructStart()) {
                p.skipChildren();
            }
            if (t == JsonToken.VALUE_STRING || t.isNumeric() || t == JsonToken.VALUE_NULL) {
                fields.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
            } else {
                why = why != null ? why : name + " must be a string, a number or null";
            }
        }
        take(number, fields, why, lines, problems);
    }

    /**
     * One line from its fields (a null value: given as null), or the first reason it cannot be
     * taken: it must name its event, and each other field must be a settlement field of its type.
     */
    private static void take(int number, Map<String, String> fields, String why, List<Match.Line> lines,
            List<Match.Problem> problems) {
        String venue = fields.get("venue");
        String eventId = fields.get("eventId");
        Map<MatchField, String> values = new HashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String name = e.getKey();
            String text = e.getValue();
            if (name.equals("venue") || name.equals("eventId")) {
                if (text == null || text.isBlank() || text.length() > 200) {
                    why = why != null ? why : name + " must be a non-empty string";
                }
                continue;
            }
            var field = MatchField.named(name);
            if (field.isEmpty()) {
                why = why != null ? why : "has " + (name.length() > 64 ? name.substring(0, 64) + "…" : name)
                        + ", which is not a settlement field";
            } else if (text != null && field.get().decimal && !isDecimal(text)) {
                why = why != null ? why : name + " must be a decimal";
            } else {
                values.put(field.get(), text);
            }
        }
        if (why == null && (venue == null || eventId == null)) {
            why = "must name the event: venue and eventId";
        }
        if (why != null) {
            problems.add(new Match.Problem(number, why));
        } else {
            lines.add(new Match.Line(number, venue, eventId, values));
        }
    }

    /**
     * A statement uploaded as CSV: parameters from the query ({@code kind}, {@code period},
     * {@code venue}, {@code dryRun}, {@code tolerance.<field>}), a header row naming the columns,
     * a line per record (its number is the record's: the header is 1). An empty cell is a field
     * not given.
     */
    static Read csv(InputStream in, QueryParams params, Map<String, List<String>> query) {
        Map<String, String> tolerance = new LinkedHashMap<>();
        String kind = null;
        String period = null;
        String venue = null;
        boolean dryRun = false;
        for (Map.Entry<String, List<String>> q : query.entrySet()) {
            String name = q.getKey();
            String value = q.getValue().isEmpty() ? null : q.getValue().get(0);
            switch (name) {
                case "kind" -> kind = value;
                case "period" -> period = value;
                case "venue" -> venue = value;
                case "dryRun" -> {
                    if (!"true".equals(value) && !"false".equals(value)) {
                        params.problem("dryRun", "must be true or false");
                    }
                    dryRun = "true".equals(value);
                }
                default -> {
                    if (name.startsWith("tolerance.")) {
                        tolerance.put(name.substring("tolerance.".length()), value);
                    } else {
                        params.problem(name.length() > 64 ? "query" : name, "is not a parameter of a statement (kind, period, "
                                + "venue, dryRun, tolerance.<field>)");
                    }
                }
            }
        }
        List<Match.Line> lines = new ArrayList<>();
        List<Match.Problem> problems = new ArrayList<>();
        CsvRecords records = new CsvRecords(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        try {
            List<String> header = records.next();
            if (header == null) {
                params.problem("body", "must start with a header row naming the columns (venue, eventId, …)");
                return null;
            }
            for (List<String> cells = records.next(); cells != null; cells = records.next()) {
                int number = (int) records.number();
                if (number - 1 > MAX_LINES) {
                    params.problem("lines", "at most " + MAX_LINES + " lines per statement");
                    return null;
                }
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue; // a blank line, as files often end
                }
                if (cells.size() != header.size()) {
                    problems.add(new Match.Problem(number, "has " + cells.size() + " cells; the header names " + header.size()));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (!cells.get(i).isEmpty()) {
                        fields.put(header.get(i), cells.get(i));
                    }
                }
                take(number, fields, null, lines, problems);
            }
        } catch (CsvRecords.Malformed e) {
            params.problem("body", "is not CSV at " + e.getMessage());
            return null;
        } catch (IOException e) {
            params.problem("body", "could not be read (" + e.getMessage() + ")");
            return null;
        }
        return new Read(kind, period, venue, dryRun, tolerance, lines, problems);
    }

    static boolean isDecimal(String text) {
        if (text.length() > 64) {
            return false;
        }
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(JsonParser p, JsonToken value, QueryParams params, String name) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        params.problem(name, "must be a string");
        p.skipChildren();
        return null;
    }
}
