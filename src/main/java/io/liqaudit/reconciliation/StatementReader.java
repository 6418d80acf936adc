package io.liqaudit.reconciliation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
        String venue = null;
        String eventId = null;
        Map<MatchField, String> values = new HashMap<>();
        String why = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            String text = t == JsonToken.VALUE_STRING || t.isNumeric() ? p.getText() : null;
            if (t.isStructStart()) {
                p.skipChildren();
            }
            if (name.equals("venue") || name.equals("eventId")) {
                if (text == null || text.isBlank() || text.length() > 200) {
                    why = why != null ? why : name + " must be a non-empty string";
                } else if (name.equals("venue")) {
                    venue = text;
                } else {
                    eventId = text;
                }
                continue;
            }
            var field = MatchField.named(name);
            if (field.isEmpty()) {
                why = why != null ? why : "has " + (name.length() > 64 ? name.substring(0, 64) + "…" : name)
                        + ", which is not a settlement field";
            } else if (t != JsonToken.VALUE_NULL && text == null) {
                why = why != null ? why : name + " must be a string, a number or null";
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
