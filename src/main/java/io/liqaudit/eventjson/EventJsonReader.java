package io.liqaudit.eventjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.engine.ExcessEquityHandling;
import io.liqaudit.engine.FeeRecipient;
import io.liqaudit.engine.LiquidationEvent.Reported;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.engine.MarginMode;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.PolicyMode;
import io.liqaudit.engine.Side;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.json.JsonFields.At;
import io.liqaudit.platform.json.JsonFields;
import io.liqaudit.platform.problem.Problem.FieldError;
import io.liqaudit.platform.problem.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads an event (ENGINE-SPEC section 2) from JSON, or says what is malformed (section 9, first
 * point) naming every bad field by its JSON path, not only the first. Decimals are read from
 * their text, whether sent as strings or numbers, never through {@code double}, and bounded by
 * {@link InputRules} before any arithmetic. Fields the spec does not name are refused, so that
 * nothing is stored that the service cannot read back; lists are bounded so that no event can
 * make a replay expensive.
 */
public final class EventJsonReader {

    private static final com.fasterxml.jackson.databind.ObjectMapper STORED = io.liqaudit.platform.json.ExactDecimalJson.storedMapper();

    // With these bounds and the 4 MB body limit, no request costs more than about 100 ms of one
    // core (bench/README.md, LargestRequestBenchmark); real venues use tens of tiers and steps.
    public static final int MAX_TIERS = 50;
    public static final int MAX_FRACTIONS = 50;
    public static final int MAX_INDEX_COMPONENTS = 50;
    public static final int MAX_FILLS = 100;

    private static final Set<String> EVENT = Set.of("eventId", "venue", "symbol", "accountRef", "occurredAt",
            "ruleVersion", "contract", "riskTiers", "policy", "position", "market", "fills", "insuranceFund", "reported");
    private static final Set<String> CONTRACT = Set.of("tickSize", "lotSize", "quoteScale");
    private static final Set<String> TIER = Set.of("notionalFloor", "notionalCap", "maintenanceMarginRate",
            "maintenanceAmount");
    private static final Set<String> POLICY = Set.of("mode", "fractions", "restoreBuffer", "liquidationFeeRate",
            "feeRecipient", "excessEquity", "maxSteps");
    private static final Set<String> POSITION = Set.of("side", "quantity", "entryPrice", "marginMode", "collateral",
            "openOrderMargin", "otherUnrealizedPnl", "otherMaintenanceMargin");
    private static final Set<String> MARKET = Set.of("markPrice", "markPriceInputs");
    private static final Set<String> MARK_INPUTS = Set.of("indexComponents", "outlierBand", "fundingRate",
            "fundingTimeFraction", "basisAverage", "lastPrice");
    private static final Set<String> COMPONENT = Set.of("source", "price", "weight");
    private static final Set<String> FILL = Set.of("step", "quantity", "price", "markPrice");
    private static final Set<String> FUND = Set.of("fundId", "balanceBefore");
    private static final Set<String> REPORTED = Set.of("markPrice", "liquidationPrice", "bankruptcyPrice", "outcome",
            "liquidatedQuantity", "totalFee", "excessEquity", "traderReturn", "bankruptcyLoss", "insuranceFundDelta",
            "adlShortfall", "steps");
    private static final Set<String> REPORTED_STEP = Set.of("step", "fee");

    /** The event, or the problems that make the input malformed (then {@code event} is null). */
    public record Result(LiquidationEvent event, List<FieldError> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private final JsonFields f;

    private EventJsonReader(JsonFields f) {
        this.f = f;
    }

    private EventJsonReader(Instant latest) {
        this(new JsonFields(latest));
    }

    /**
     * The objects an event carries, read exactly as in an event, for another document that carries
     * them (a venue's published rule sets): problems go to the caller's {@link JsonFields}, paths
     * are the caller's.
     */
    public static final class Parts {
        private final EventJsonReader reader;

        public Parts(JsonFields fields) {
            this.reader = new EventJsonReader(fields);
        }

        public List<LiquidationEvent.RiskTier> riskTiers(JsonNode parent, String path) {
            return reader.f.array(parent, path, "riskTiers", true, MAX_TIERS, reader::tier);
        }

        public LiquidationEvent.Policy policy(JsonNode parent, String path) {
            return reader.f.object(parent, path, "policy", true, reader::policy);
        }
    }

    /** Reads an event arriving now: its {@code occurredAt} may not be later than {@code latest}. */
    public static Result read(JsonNode root, Instant latest) {
        EventJsonReader reader = new EventJsonReader(latest);
        LiquidationEvent event = reader.event(root);
        return reader.f.ok() ? new Result(event, List.of()) : new Result(null, reader.f.problems());
    }

    /** Reads an event that was recorded before (its time was checked when it arrived). */
    public static Result readStored(JsonNode root) {
        return read(root, InputRules.END);
    }

    /**
     * A stored event's input text as an event; a stored input that does not read is a fault of
     * the store (everything stored was read when it arrived), not of a request.
     */
    public static LiquidationEvent storedEvent(String input) {
        LiquidationEvent streamed = StoredEventReader.read(input);
        if (streamed != null) {
            return streamed;
        }
        JsonNode node;
        try {
            node = STORED.readTree(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the stored input is not readable JSON: " + e.getOriginalMessage());
        }
        Result read = readStored(node);
        if (!read.isValid()) {
            throw new IllegalStateException("the stored input does not read as an event under today's input rules: "
                    + read.problems().stream().limit(5).map(p -> p.field() + " " + p.message()).toList());
        }
        return read.event();
    }

    private LiquidationEvent event(JsonNode root) {
        if (root == null || !root.isObject()) {
            f.problem("$", "must be a JSON object");
            return null;
        }
        At at = new At(root, "$");
        f.onlyKnown(at, EVENT);
        String eventId = f.identifier(root, "$", "eventId", true);
        String venue = f.identifier(root, "$", "venue", true);
        String symbol = f.identifier(root, "$", "symbol", true);
        String accountRef = f.identifier(root, "$", "accountRef", true);
        Instant occurredAt = f.timestamp(root, "$", "occurredAt", true);
        String ruleVersion = f.text(root, "$", "ruleVersion", true, InputRules.MAX_TEXT);
        LiquidationEvent.Contract contract = f.object(root, "$", "contract", true, this::contract);
        List<LiquidationEvent.RiskTier> tiers = f.array(root, "$", "riskTiers", true, MAX_TIERS, this::tier);
        LiquidationEvent.Policy policy = f.object(root, "$", "policy", true, this::policy);
        LiquidationEvent.Position position = f.object(root, "$", "position", true, this::position);
        LiquidationEvent.Market market = f.object(root, "$", "market", true, this::market);
        List<LiquidationEvent.Fill> fills = f.array(root, "$", "fills", false, MAX_FILLS, this::fill);
        LiquidationEvent.InsuranceFund fund = f.object(root, "$", "insuranceFund", true, this::fund);
        Reported reported = f.object(root, "$", "reported", false, this::reported);
        if (!f.ok()) {
            return null;
        }
        return new LiquidationEvent(eventId, venue, symbol, accountRef, occurredAt, ruleVersion, contract, tiers, policy,
                position, market, fills, fund, reported);
    }

    private LiquidationEvent.Contract contract(At at) {
        f.onlyKnown(at, CONTRACT);
        return new LiquidationEvent.Contract(decimal(at, "tickSize"), decimal(at, "lotSize"), integer(at, "quoteScale"));
    }

    private LiquidationEvent.RiskTier tier(At at) {
        if (!isObject(at)) {
            return null;
        }
        f.onlyKnown(at, TIER);
        return new LiquidationEvent.RiskTier(decimal(at, "notionalFloor"), nullableDecimal(at, "notionalCap"),
                decimal(at, "maintenanceMarginRate"), decimal(at, "maintenanceAmount"));
    }

    private LiquidationEvent.Policy policy(At at) {
        f.onlyKnown(at, POLICY);
        return new LiquidationEvent.Policy(
                f.enumValue(at.node(), at.path(), "mode", PolicyMode.class, true),
                f.array(at.node(), at.path(), "fractions", false, MAX_FRACTIONS, a -> f.decimalValue(a.node(), a.path())),
                f.decimal(at.node(), at.path(), "restoreBuffer", false),
                decimal(at, "liquidationFeeRate"),
                f.enumValue(at.node(), at.path(), "feeRecipient", FeeRecipient.class, true),
                f.enumValue(at.node(), at.path(), "excessEquity", ExcessEquityHandling.class, true),
                integer(at, "maxSteps"));
    }

    private LiquidationEvent.Position position(At at) {
        f.onlyKnown(at, POSITION);
        return new LiquidationEvent.Position(
                f.enumValue(at.node(), at.path(), "side", Side.class, true),
                decimal(at, "quantity"), decimal(at, "entryPrice"),
                f.enumValue(at.node(), at.path(), "marginMode", MarginMode.class, true),
                decimal(at, "collateral"),
                f.decimal(at.node(), at.path(), "openOrderMargin", false),
                f.decimal(at.node(), at.path(), "otherUnrealizedPnl", false),
                f.decimal(at.node(), at.path(), "otherMaintenanceMargin", false));
    }

    private LiquidationEvent.Market market(At at) {
        f.onlyKnown(at, MARKET);
        return new LiquidationEvent.Market(decimal(at, "markPrice"),
                f.object(at.node(), at.path(), "markPriceInputs", false, this::markPriceInputs));
    }

    private LiquidationEvent.MarkPriceInputs markPriceInputs(At at) {
        f.onlyKnown(at, MARK_INPUTS);
        List<LiquidationEvent.IndexComponent> components = f.array(at.node(), at.path(), "indexComponents", true,
                MAX_INDEX_COMPONENTS, this::component);
        return new LiquidationEvent.MarkPriceInputs(components == null ? List.of() : components,
                decimal(at, "outlierBand"), decimal(at, "fundingRate"), decimal(at, "fundingTimeFraction"),
                decimal(at, "basisAverage"), decimal(at, "lastPrice"));
    }

    private LiquidationEvent.IndexComponent component(At at) {
        if (!isObject(at)) {
            return null;
        }
        f.onlyKnown(at, COMPONENT);
        return new LiquidationEvent.IndexComponent(f.text(at.node(), at.path(), "source", true, InputRules.MAX_TEXT),
                decimal(at, "price"), decimal(at, "weight"));
    }

    private LiquidationEvent.Fill fill(At at) {
        if (!isObject(at)) {
            return null;
        }
        f.onlyKnown(at, FILL);
        return new LiquidationEvent.Fill(integer(at, "step"), decimal(at, "quantity"), decimal(at, "price"),
                nullableDecimal(at, "markPrice"));
    }

    private LiquidationEvent.InsuranceFund fund(At at) {
        f.onlyKnown(at, FUND);
        return new LiquidationEvent.InsuranceFund(f.identifier(at.node(), at.path(), "fundId", true),
                decimal(at, "balanceBefore"));
    }

    private Reported reported(At at) {
        f.onlyKnown(at, REPORTED);
        return new Reported(
                reportedDecimal(at, "markPrice"), reportedDecimal(at, "liquidationPrice"),
                reportedDecimal(at, "bankruptcyPrice"), reportedOutcome(at),
                reportedDecimal(at, "liquidatedQuantity"), reportedDecimal(at, "totalFee"),
                reportedDecimal(at, "excessEquity"), reportedDecimal(at, "traderReturn"),
                reportedDecimal(at, "bankruptcyLoss"), reportedDecimal(at, "insuranceFundDelta"),
                reportedDecimal(at, "adlShortfall"),
                f.array(at.node(), at.path(), "steps", false, MAX_FILLS, this::reportedStep));
    }

    private LiquidationEvent.ReportedStep reportedStep(At at) {
        if (!isObject(at)) {
            return null;
        }
        f.onlyKnown(at, REPORTED_STEP);
        return new LiquidationEvent.ReportedStep(integer(at, "step"), nullableDecimal(at, "fee"));
    }

    private Reported.Value<BigDecimal> reportedDecimal(At at, String field) {
        return at.node().has(field) ? new Reported.Value<>(nullableDecimal(at, field)) : null;
    }

    private Reported.Value<Outcome> reportedOutcome(At at) {
        if (!at.node().has("outcome")) {
            return null;
        }
        return new Reported.Value<>(f.enumValue(at.node(), at.path(), "outcome", Outcome.class, false));
    }

    // --- shorthands ------------------------------------------------------------------------

    private boolean isObject(At at) {
        if (!at.node().isObject()) {
            f.problem(at.path(), "must be an object");
            return false;
        }
        return true;
    }

    private BigDecimal decimal(At at, String field) {
        return f.decimal(at.node(), at.path(), field, true);
    }

    /** A field whose JSON null means "none" (e.g. {@code notionalCap}: unbounded). */
    private BigDecimal nullableDecimal(At at, String field) {
        return f.decimal(at.node(), at.path(), field, false);
    }

    /** A required JSON integer; {@code 0} stands in when it is bad, since the problem already fails the read. */
    private int integer(At at, String field) {
        Integer value = f.integer(at.node(), at.path(), field, true, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return value == null ? 0 : value;
    }
}
