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

    /** The statement as read: raw parameters and its lines, each its fields as text (null: given as null) or why it is not one. */
    record Read(String kind, String period, String venue, String asOf, boolean dryRun, Map<String, String> tolerance,
            List<Raw> lines) {
    }

    /** One line as read, before its kind says what its fields must be. */
    record Raw(int number, Map<String, String> fields, String why) {
    }

    private StatementReader() {
    }

    static Read json(InputStream in, QueryParams params) {
        String kind = null;
        String period = null;
        String venue = null;
        String asOf = null;
        boolean dryRun = false;
        Map<String, String> tolerance = new LinkedHashMap<>();
        List<Raw> lines = new ArrayList<>();
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
                    case "asOf" -> {
                        if (value.isNumeric() || value == JsonToken.VALUE_STRING) {
                            asOf = p.getText();
                        } else {
                            params.problem("asOf", "must be a checkpoint's tree size");
                            p.skipChildren();
                        }
                    }
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
                            lines.add(line(p, number));
                        }
                    }
                    default -> {
                        params.problem(name.length() > 64 ? "body" : name, "is not part of a statement (kind, period, venue, "
                                + "asOf, dryRun, tolerance, lines)");
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            params.problem("body", "is not well-formed JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        }
        return new Read(kind, period, venue, asOf, dryRun, tolerance, lines);
    }

    private static Raw line(JsonParser p, int number) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new Raw(number, Map.of(), "is not an object");
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
        return new Raw(number, fields, why);
    }

    /** Event lines: each must name its event, and each other field must be a settlement field of its type. */
    static void events(List<Raw> raw, List<Match.Line> lines, List<Match.Problem> problems) {
        for (Raw r : raw) {
            event(r.number(), r.fields(), r.why(), lines, problems);
        }
    }

    private static void event(int number, Map<String, String> fields, String why, List<Match.Line> lines,
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

    /** Fund lines: each must name its fund and day (YYYY-MM-DD), and each other field must be a fund figure (a decimal). */
    static void funds(List<Raw> raw, List<Match.FundLine> lines, List<Match.Problem> problems) {
        for (Raw r : raw) {
            String why = r.why();
            String fundId = r.fields().get("fundId");
            String day = r.fields().get("day");
            Map<FundField, BigDecimal> values = new java.util.EnumMap<>(FundField.class);
            for (Map.Entry<String, String> e : r.fields().entrySet()) {
                String name = e.getKey();
                if (name.equals("fundId") || name.equals("day")) {
                    continue;
                }
                var field = FundField.named(name);
                if (field.isEmpty()) {
                    why = why != null ? why : "has " + (name.length() > 64 ? name.substring(0, 64) + "…" : name)
                            + ", which is not a fund figure";
                } else if (e.getValue() == null || !isDecimal(e.getValue())) {
                    why = why != null ? why : name + " must be a decimal";
                } else {
                    values.put(field.get(), new BigDecimal(e.getValue()));
                }
            }
            if (why == null && (fundId == null || fundId.isBlank() || fundId.length() > 200)) {
                why = "must name the fund: fundId";
            }
            java.time.LocalDate date = null;
            if (why == null) {
                try {
                    date = java.time.LocalDate.parse(day == null ? "" : day);
                } catch (java.time.format.DateTimeParseException ex) {
                    why = "day must be a day, YYYY-MM-DD";
                }
            }
            if (why != null) {
                problems.add(new Match.Problem(r.number(), why));
            } else {
                lines.add(new Match.FundLine(r.number(), fundId, date, values));
            }
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
        String asOf = null;
        boolean dryRun = false;
        for (Map.Entry<String, List<String>> q : query.entrySet()) {
            String name = q.getKey();
            String value = q.getValue().isEmpty() ? null : q.getValue().get(0);
            switch (name) {
                case "kind" -> kind = value;
                case "period" -> period = value;
                case "venue" -> venue = value;
                case "asOf" -> asOf = value;
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
                                + "venue, asOf, dryRun, tolerance.<field>)");
                    }
                }
            }
        }
        List<Raw> lines = new ArrayList<>();
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
                    lines.add(new Raw(number, Map.of(), "has " + cells.size() + " cells; the header names " + header.size()));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (!cells.get(i).isEmpty()) {
                        fields.put(header.get(i), cells.get(i));
                    }
                }
                lines.add(new Raw(number, fields, null));
            }
        } catch (CsvRecords.Malformed e) {
            params.problem("body", "is not CSV at " + e.getMessage());
            return null;
        } catch (IOException e) {
            params.problem("body", "could not be read (" + e.getMessage() + ")");
            return null;
        }
        return new Read(kind, period, venue, asOf, dryRun, tolerance, lines);
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
