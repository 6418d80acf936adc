package io.liqaudit.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.problem.Problem.FieldError;
import io.liqaudit.platform.problem.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of a JSON body by the {@link InputRules}, collecting one problem per bad field
 * (by JSON path) instead of stopping at the first. Nothing is coerced: a number is not a string,
 * a string is not an integer. Every reader of a request body uses it, so every body is read one
 * way. Each primitive answers null (or the fallback) when the value is bad or absent.
 */
public final class JsonFields {

    /** A node and its JSON path, handed to the readers of nested objects and array items. */
    public record At(JsonNode node, String path) {
    }

    private final List<FieldError> problems = new ArrayList<>();
    private final Instant latest;

    /** @param latest the latest acceptable time stamp (now plus the allowed clock skew, or {@link InputRules#END}) */
    public JsonFields(Instant latest) {
        this.latest = latest;
    }

    public List<FieldError> problems() {
        return List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public void problem(String path, String message) {
        problems.add(new FieldError(path, message));
    }

    public static String path(String parent, String field) {
        return parent + "." + field;
    }

    /** Refuses every field of {@code object} not in {@code known}: unknown content is never stored. */
    public void onlyKnown(At at, Set<String> known) {
        for (Iterator<String> names = at.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path(at.path(), safeName(name)), "is not a field of this object");
            }
        }
    }

    /** A field name as it can safely be echoed in a problem (a hostile name is cut and stripped of controls). */
    private static String safeName(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return InputRules.textProblem(cut, 65) == null ? cut : "<field name with invalid characters>";
    }

    /** The field's node, or null when it is absent or JSON null (a problem then if it is required). */
    public JsonNode present(JsonNode parent, String path, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        return node;
    }

    public <T> T object(JsonNode parent, String parentPath, String field, boolean required, Function<At, T> reader) {
        String path = path(parentPath, field);
        JsonNode node = present(parent, path, field, required);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        return reader.apply(new At(node, path));
    }

    public <T> List<T> array(JsonNode parent, String parentPath, String field, boolean required, int maxItems,
            Function<At, T> reader) {
        String path = path(parentPath, field);
        JsonNode node = present(parent, path, field, required);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            problem(path, "must be an array");
            return null;
        }
        if (node.size() > maxItems) {
            problem(path, "must have at most " + maxItems + " items");
            return null;
        }
        List<T> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            T item = reader.apply(new At(node.get(i), path + "[" + i + "]"));
            if (item != null) { // a bad item has its problem recorded; the list holds only good ones
                items.add(item);
            }
        }
        return items;
    }

    private String string(JsonNode parent, String path, String field, boolean required) {
        JsonNode node = present(parent, path, field, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        return node.textValue();
    }

    /** Free text of at most {@code max} characters. */
    public String text(JsonNode parent, String parentPath, String field, boolean required, int max) {
        String path = path(parentPath, field);
        String value = string(parent, path, field, required);
        if (value == null) {
            return null;
        }
        String wrong = InputRules.textProblem(value, max);
        if (wrong != null) {
            problem(path, wrong);
            return null;
        }
        return value;
    }

    /** An identifier by {@link InputRules#IDENTIFIER}. */
    public String identifier(JsonNode parent, String parentPath, String field, boolean required) {
        String path = path(parentPath, field);
        String value = string(parent, path, field, required);
        if (value == null) {
            return null;
        }
        if (!InputRules.isIdentifier(value)) {
            problem(path, InputRules.IDENTIFIER_RULE);
            return null;
        }
        return value;
    }

    public Instant timestamp(JsonNode parent, String parentPath, String field, boolean required) {
        String path = path(parentPath, field);
        String text = string(parent, path, field, required);
        if (text == null) {
            return null;
        }
        Instant t = InputRules.timestamp(text);
        if (t == null) {
            problem(path, InputRules.TIMESTAMP_RULE);
            return null;
        }
        if (t.isAfter(latest)) {
            problem(path, "must not be in the future (the latest accepted is " + Timestamps.format(latest) + ")");
            return null;
        }
        return t;
    }

    public BigDecimal decimal(JsonNode parent, String parentPath, String field, boolean required) {
        String path = path(parentPath, field);
        JsonNode node = present(parent, path, field, required);
        return node == null ? null : decimalValue(node, path);
    }

    /** A decimal sent as a JSON string ("0.004") or number, read from its text and bounded before any arithmetic. */
    public BigDecimal decimalValue(JsonNode node, String path) {
        BigDecimal value;
        if (node.isTextual()) {
            value = InputRules.decimal(node.textValue());
        } else if (node.isBigDecimal() || node.isIntegralNumber()) {
            // Jackson has parsed it already (its own length limit applies); only precision and scale are checked.
            value = node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.bigIntegerValue());
            value = InputRules.withinBounds(value) ? value : null;
        } else {
            problem(path, "must be a decimal, as a string (\"0.004\") or a JSON number");
            return null;
        }
        if (value == null) {
            problem(path, InputRules.DECIMAL_RULE);
        }
        return value;
    }

    /** A JSON integer (no fraction, not a string) within [min, max]. */
    public Integer integer(JsonNode parent, String parentPath, String field, boolean required, int min, int max) {
        String path = path(parentPath, field);
        JsonNode node = present(parent, path, field, required);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problem(path, "must be a JSON integer from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    public <E extends Enum<E>> E enumValue(JsonNode parent, String parentPath, String field, Class<E> type,
            boolean required) {
        String path = path(parentPath, field);
        JsonNode node = present(parent, path, field, required);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(node.textValue())) {
                    return constant;
                }
            }
        }
        problem(path, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }
}
