package io.liqaudit.recompute;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.engine.Enums;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.engine.LiquidationEvent.Reported;
import io.liqaudit.engine.Side;
import io.liqaudit.platform.Problem.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads an event (ENGINE-SPEC section 2) from JSON, or says what is malformed (section 9, first
 * point) naming every bad field by its JSON path, not only the first. Decimals are read from
 * their text, whether sent as strings or numbers, never through {@code double}.
 */
public final class EventJsonReader {

    /** RFC 3339 in UTC ("Z"), with up to microseconds, the precision that is stored. */
    private static final Pattern UTC_TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
    /** Bounds that keep arithmetic on hostile input cheap; real prices and amounts are far inside. */
    private static final int MAX_DIGITS = 60;
    private static final int MAX_SCALE = 40;
    private static final int MAX_TEXT = 200;

    /** The event, or the problems that make the input malformed (then {@code event} is null). */
    public record Result(LiquidationEvent event, List<FieldError> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private final List<FieldError> problems = new ArrayList<>();

    private EventJsonReader() {
    }

    public static Result read(JsonNode root) {
        EventJsonReader reader = new EventJsonReader();
        LiquidationEvent event = reader.event(root);
        return reader.problems.isEmpty() ? new Result(event, List.of()) : new Result(null, List.copyOf(reader.problems));
    }

    private LiquidationEvent event(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("$", "must be a JSON object");
            return null;
        }
        String eventId = text(root, "$", "eventId");
        String venue = text(root, "$", "venue");
        String symbol = text(root, "$", "symbol");
        String accountRef = text(root, "$", "accountRef");
        Instant occurredAt = timestamp(root, "$", "occurredAt");
        String ruleVersion = text(root, "$", "ruleVersion");
        LiquidationEvent.Contract contract = object(root, "$", "contract", true, this::contract);
        List<LiquidationEvent.RiskTier> tiers = array(root, "$", "riskTiers", true, this::tier);
        LiquidationEvent.Policy policy = object(root, "$", "policy", true, this::policy);
        LiquidationEvent.Position position = object(root, "$", "position", true, this::position);
        LiquidationEvent.Market market = object(root, "$", "market", true, this::market);
        List<LiquidationEvent.Fill> fills = array(root, "$", "fills", false, this::fill);
        LiquidationEvent.InsuranceFund fund = object(root, "$", "insuranceFund", true, this::fund);
        Reported reported = object(root, "$", "reported", false, this::reported);
        if (!problems.isEmpty()) {
            return null;
        }
        return new LiquidationEvent(eventId, venue, symbol, accountRef, occurredAt, ruleVersion, contract, tiers, policy,
                position, market, fills, fund, reported);
    }

    private LiquidationEvent.Contract contract(At at) {
        return new LiquidationEvent.Contract(decimal(at.node, at.path, "tickSize"), decimal(at.node, at.path, "lotSize"),
                integer(at.node, at.path, "quoteScale", true, 0));
    }

    private LiquidationEvent.RiskTier tier(At at) {
        return new LiquidationEvent.RiskTier(decimal(at.node, at.path, "notionalFloor"),
                nullableDecimal(at.node, at.path, "notionalCap").value(),
                decimal(at.node, at.path, "maintenanceMarginRate"), decimal(at.node, at.path, "maintenanceAmount"));
    }

    private LiquidationEvent.Policy policy(At at) {
        return new LiquidationEvent.Policy(
                enumValue(at.node, at.path, "mode", Enums.PolicyMode.class, true),
                array(at.node, at.path, "fractions", false, a -> decimalValue(a.node, a.path)),
                optionalDecimal(at.node, at.path, "restoreBuffer"),
                decimal(at.node, at.path, "liquidationFeeRate"),
                enumValue(at.node, at.path, "feeRecipient", Enums.FeeRecipient.class, true),
                enumValue(at.node, at.path, "excessEquity", Enums.ExcessEquityHandling.class, true),
                integer(at.node, at.path, "maxSteps", true, 0));
    }

    private LiquidationEvent.Position position(At at) {
        return new LiquidationEvent.Position(
                enumValue(at.node, at.path, "side", Side.class, true),
                decimal(at.node, at.path, "quantity"), decimal(at.node, at.path, "entryPrice"),
                enumValue(at.node, at.path, "marginMode", Enums.MarginMode.class, true),
                decimal(at.node, at.path, "collateral"),
                optionalDecimal(at.node, at.path, "openOrderMargin"),
                optionalDecimal(at.node, at.path, "otherUnrealizedPnl"),
                optionalDecimal(at.node, at.path, "otherMaintenanceMargin"));
    }

    private LiquidationEvent.Market market(At at) {
        return new LiquidationEvent.Market(decimal(at.node, at.path, "markPrice"),
                object(at.node, at.path, "markPriceInputs", false, this::markPriceInputs));
    }

    private LiquidationEvent.MarkPriceInputs markPriceInputs(At at) {
        List<LiquidationEvent.IndexComponent> components = array(at.node, at.path, "indexComponents", true,
                c -> new LiquidationEvent.IndexComponent(text(c.node, c.path, "source"), decimal(c.node, c.path, "price"),
                        decimal(c.node, c.path, "weight")));
        return new LiquidationEvent.MarkPriceInputs(components == null ? List.of() : components,
                decimal(at.node, at.path, "outlierBand"), decimal(at.node, at.path, "fundingRate"),
                decimal(at.node, at.path, "fundingTimeFraction"), decimal(at.node, at.path, "basisAverage"),
                decimal(at.node, at.path, "lastPrice"));
    }

    private LiquidationEvent.Fill fill(At at) {
        return new LiquidationEvent.Fill(integer(at.node, at.path, "step", true, 0), decimal(at.node, at.path, "quantity"),
                decimal(at.node, at.path, "price"), nullableDecimal(at.node, at.path, "markPrice").value());
    }

    private LiquidationEvent.InsuranceFund fund(At at) {
        return new LiquidationEvent.InsuranceFund(text(at.node, at.path, "fundId"), decimal(at.node, at.path, "balanceBefore"));
    }

    private Reported reported(At at) {
        return new Reported(
                reportedDecimal(at, "markPrice"), reportedDecimal(at, "liquidationPrice"),
                reportedDecimal(at, "bankruptcyPrice"), reportedOutcome(at),
                reportedDecimal(at, "liquidatedQuantity"), reportedDecimal(at, "totalFee"),
                reportedDecimal(at, "excessEquity"), reportedDecimal(at, "traderReturn"),
                reportedDecimal(at, "bankruptcyLoss"), reportedDecimal(at, "insuranceFundDelta"),
                reportedDecimal(at, "adlShortfall"),
                array(at.node, at.path, "steps", false, s -> new LiquidationEvent.ReportedStep(
                        integer(s.node, s.path, "step", true, 0), nullableDecimal(s.node, s.path, "fee").value())));
    }

    private Reported.Value<BigDecimal> reportedDecimal(At at, String field) {
        return at.node.has(field) ? new Reported.Value<>(nullableDecimal(at.node, at.path, field).value()) : null;
    }

    private Reported.Value<Enums.Outcome> reportedOutcome(At at) {
        if (!at.node.has("outcome")) {
            return null;
        }
        return new Reported.Value<>(at.node.get("outcome").isNull() ? null
                : enumValue(at.node, at.path, "outcome", Enums.Outcome.class, true));
    }

    // --- the primitives; each records a problem and answers null when the value is bad ---------

    /** A node and its JSON path, handed to the readers of nested objects. */
    private record At(JsonNode node, String path) {
    }

    private void problem(String path, String message) {
        problems.add(new FieldError(path, message));
    }

    private static String path(String parent, String field) {
        return parent + "." + field;
    }

    /** The field's node, or null when it is absent or JSON null (a problem then if it is required). */
    private JsonNode present(JsonNode parent, String path, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        return node;
    }

    private <T> T object(JsonNode parent, String parentPath, String field, boolean required, Function<At, T> reader) {
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

    private <T> List<T> array(JsonNode parent, String parentPath, String field, boolean required, Function<At, T> reader) {
        String path = path(parentPath, field);
        JsonNode node = present(parent, path, field, required);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            problem(path, "must be an array");
            return null;
        }
        List<T> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            items.add(reader.apply(new At(item, itemPath)));
        }
        return items;
    }

    private String text(JsonNode parent, String parentPath, String field) {
        JsonNode node = parent.get(field);
        String path = path(parentPath, field);
        if (node == null || node.isNull()) {
            problem(path, "is required");
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (value.isBlank() || value.length() > MAX_TEXT) {
            problem(path, "must be 1 to " + MAX_TEXT + " characters");
            return null;
        }
        return value;
    }

    private Instant timestamp(JsonNode parent, String parentPath, String field) {
        String text = text(parent, parentPath, field);
        if (text == null) {
            return null;
        }
        try {
            if (UTC_TIMESTAMP.matcher(text).matches()) {
                return Instant.parse(text);
            }
        } catch (java.time.format.DateTimeParseException e) {
            // falls through to the problem below
        }
        problem(path(parentPath, field), "must be an RFC 3339 UTC timestamp with up to microseconds, e.g. 2026-07-04T05:00:13.123456Z");
        return null;
    }

    private BigDecimal decimal(JsonNode parent, String parentPath, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problem(path(parentPath, field), "is required");
            return null;
        }
        return decimalValue(node, path(parentPath, field));
    }

    private BigDecimal optionalDecimal(JsonNode parent, String parentPath, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : decimalValue(node, path(parentPath, field));
    }

    /** A field that must be present but may be null (e.g. {@code notionalCap}: null = unbounded). */
    private Reported.Value<BigDecimal> nullableDecimal(JsonNode parent, String parentPath, String field) {
        JsonNode node = parent.get(field);
        return new Reported.Value<>(node == null || node.isNull() ? null : decimalValue(node, path(parentPath, field)));
    }

    private BigDecimal decimalValue(JsonNode node, String path) {
        String text;
        if (node.isTextual()) {
            text = node.textValue();
        } else if (node.isNumber() && (node.isBigDecimal() || node.isIntegralNumber())) {
            text = node.isBigDecimal() ? node.decimalValue().toString() : node.bigIntegerValue().toString();
        } else {
            problem(path, "must be a decimal, as a string (\"0.004\") or a JSON number");
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim().equals(text) ? text : "x");
        } catch (NumberFormatException e) {
            problem(path, "is not a decimal number");
            return null;
        }
        if (value.precision() > MAX_DIGITS || Math.abs(value.scale()) > MAX_SCALE) {
            problem(path, "has more digits than are supported (" + MAX_DIGITS + " significant, " + MAX_SCALE + " places)");
            return null;
        }
        return value;
    }

    private Integer integer(JsonNode parent, String parentPath, String field, boolean required, int fallback) {
        JsonNode node = parent.get(field);
        String path = path(parentPath, field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "is required");
            }
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(path, "must be a JSON integer");
            return fallback;
        }
        return node.intValue();
    }

    private <E extends Enum<E>> E enumValue(JsonNode parent, String parentPath, String field, Class<E> type, boolean required) {
        JsonNode node = parent.get(field);
        String path = path(parentPath, field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "is required");
            }
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
