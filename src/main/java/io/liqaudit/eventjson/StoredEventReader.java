package io.liqaudit.eventjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.liqaudit.engine.ExcessEquityHandling;
import io.liqaudit.engine.FeeRecipient;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.engine.LiquidationEvent.Reported;
import io.liqaudit.engine.MarginMode;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.PolicyMode;
import io.liqaudit.engine.Side;
import io.liqaudit.platform.InputRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a stored event's input straight from the token stream, for re-verification runs: building
 * Jackson's tree of each input and then reading the tree was 45 % of a run's JVM time (JFR, a
 * million events). It knows only well-formed input, decimals as strings (as every venue and the demo
 * send them): anything else — an unknown or missing field, a decimal as a JSON number, a value the
 * input rules refuse — makes it give up, and {@link EventJsonReader#storedEvent} reads that input
 * the tree way, which is the authority on what an event is and on every problem. So it can only
 * ever agree with the tree reader or step aside; StoredEventReaderTest holds it to that on every
 * vector, the demo's events and mutations of them.
 */
final class StoredEventReader {

    /** Not an event this reader vouches for: the tree reader decides. Thrown without a stack: it is a branch, not a fault. */
    static final class GiveUp extends Exception {
        private static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    /** Jackson's defaults: no duplicate detection (keys in order are checked here), default number limits. */
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * Risk-tier tables already read, by their text: a venue sends the same table with every event
     * of a symbol, and its decimals were a third of the reading. Bounded; emptied when full.
     */
    private static final int MAX_TIER_TABLES = 1_000;
    private static final Map<String, List<LiquidationEvent.RiskTier>> TIER_TABLES = new ConcurrentHashMap<>();

    private final JsonParser p;
    private final String input;

    private StoredEventReader(JsonParser p, String input) {
        this.p = p;
        this.input = input;
    }

    /** The event of a stored input, or null when the tree reader must decide. */
    static LiquidationEvent read(String input) {
        try (JsonParser parser = FACTORY.createParser(input)) {
            StoredEventReader reader = new StoredEventReader(parser, input);
            reader.next(JsonToken.START_OBJECT);
            LiquidationEvent event = reader.event();
            return parser.nextToken() == null ? event : null;
        } catch (GiveUp | IOException | RuntimeException e) {
            return null;
        }
    }

    /** The risk tiers whose array starts at the current token: from the tables read before when the text is one of them. */
    private List<LiquidationEvent.RiskTier> riskTiers() throws IOException, GiveUp {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw GiveUp.INSTANCE;
        }
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        int end = (int) p.currentTokenLocation().getCharOffset() + 1;
        if (start < 0 || end <= start || end > input.length() || input.charAt(start) != '[' || input.charAt(end - 1) != ']') {
            throw GiveUp.INSTANCE;
        }
        String text = input.substring(start, end);
        List<LiquidationEvent.RiskTier> known = TIER_TABLES.get(text);
        if (known != null) {
            return known;
        }
        List<LiquidationEvent.RiskTier> tiers;
        try (JsonParser parser = FACTORY.createParser(text)) {
            StoredEventReader reader = new StoredEventReader(parser, text);
            reader.next(JsonToken.START_ARRAY);
            tiers = List.copyOf(reader.array(EventJsonReader.MAX_TIERS, () -> reader.object(reader::tier)));
            if (parser.nextToken() != null) {
                throw GiveUp.INSTANCE;
            }
        }
        if (TIER_TABLES.size() >= MAX_TIER_TABLES) {
            TIER_TABLES.clear();
        }
        TIER_TABLES.put(text, tiers);
        return tiers;
    }

    private LiquidationEvent event() throws IOException, GiveUp {
        String eventId = null, venue = null, symbol = null, accountRef = null, ruleVersion = null;
        Instant occurredAt = null;
        LiquidationEvent.Contract contract = null;
        List<LiquidationEvent.RiskTier> tiers = null;
        LiquidationEvent.Policy policy = null;
        LiquidationEvent.Position position = null;
        LiquidationEvent.Market market = null;
        List<LiquidationEvent.Fill> fills = null;
        LiquidationEvent.InsuranceFund fund = null;
        Reported reported = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "eventId" -> eventId = identifier();
                case "venue" -> venue = identifier();
                case "symbol" -> symbol = identifier();
                case "accountRef" -> accountRef = identifier();
                case "occurredAt" -> occurredAt = timestamp();
                case "ruleVersion" -> ruleVersion = text();
                case "contract" -> contract = object(this::contract);
                case "riskTiers" -> tiers = riskTiers();
                case "policy" -> policy = object(this::policy);
                case "position" -> position = object(this::position);
                case "market" -> market = object(this::market);
                case "fills" -> fills = nullOr(() -> array(EventJsonReader.MAX_FILLS, () -> object(this::fill)));
                case "insuranceFund" -> fund = object(this::fund);
                case "reported" -> reported = nullOr(() -> object(this::reported));
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent(required(eventId), required(venue), required(symbol), required(accountRef),
                required(occurredAt), required(ruleVersion), required(contract), required(tiers), required(policy),
                required(position), required(market), fills, required(fund), reported);
    }

    private LiquidationEvent.Contract contract() throws IOException, GiveUp {
        BigDecimal tick = null, lot = null;
        Integer scale = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "tickSize" -> tick = decimal();
                case "lotSize" -> lot = decimal();
                case "quoteScale" -> scale = integer();
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.Contract(required(tick), required(lot), required(scale));
    }

    private LiquidationEvent.RiskTier tier() throws IOException, GiveUp {
        BigDecimal floor = null, cap = null, rate = null, amount = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "notionalFloor" -> floor = decimal();
                case "notionalCap" -> cap = nullOr(this::decimal);
                case "maintenanceMarginRate" -> rate = decimal();
                case "maintenanceAmount" -> amount = decimal();
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.RiskTier(required(floor), cap, required(rate), required(amount));
    }

    private LiquidationEvent.Policy policy() throws IOException, GiveUp {
        PolicyMode mode = null;
        List<BigDecimal> fractions = null;
        BigDecimal buffer = null, feeRate = null;
        FeeRecipient recipient = null;
        ExcessEquityHandling excess = null;
        Integer maxSteps = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "mode" -> mode = enumValue(PolicyMode.class);
                case "fractions" -> fractions = nullOr(() -> array(EventJsonReader.MAX_FRACTIONS, this::decimal));
                case "restoreBuffer" -> buffer = nullOr(this::decimal);
                case "liquidationFeeRate" -> feeRate = decimal();
                case "feeRecipient" -> recipient = enumValue(FeeRecipient.class);
                case "excessEquity" -> excess = enumValue(ExcessEquityHandling.class);
                case "maxSteps" -> maxSteps = integer();
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.Policy(required(mode), fractions, buffer, required(feeRate), required(recipient),
                required(excess), required(maxSteps));
    }

    private LiquidationEvent.Position position() throws IOException, GiveUp {
        Side side = null;
        MarginMode marginMode = null;
        BigDecimal quantity = null, entry = null, collateral = null, openOrders = null, otherPnl = null, otherMargin = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "side" -> side = enumValue(Side.class);
                case "quantity" -> quantity = decimal();
                case "entryPrice" -> entry = decimal();
                case "marginMode" -> marginMode = enumValue(MarginMode.class);
                case "collateral" -> collateral = decimal();
                case "openOrderMargin" -> openOrders = nullOr(this::decimal);
                case "otherUnrealizedPnl" -> otherPnl = nullOr(this::decimal);
                case "otherMaintenanceMargin" -> otherMargin = nullOr(this::decimal);
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.Position(required(side), required(quantity), required(entry), required(marginMode),
                required(collateral), openOrders, otherPnl, otherMargin);
    }

    private LiquidationEvent.Market market() throws IOException, GiveUp {
        BigDecimal mark = null;
        LiquidationEvent.MarkPriceInputs inputs = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "markPrice" -> mark = decimal();
                case "markPriceInputs" -> inputs = nullOr(() -> object(this::markPriceInputs));
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.Market(required(mark), inputs);
    }

    private LiquidationEvent.MarkPriceInputs markPriceInputs() throws IOException, GiveUp {
        List<LiquidationEvent.IndexComponent> components = null;
        BigDecimal band = null, funding = null, fraction = null, basis = null, last = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "indexComponents" -> components = array(EventJsonReader.MAX_INDEX_COMPONENTS,
                        () -> object(this::component));
                case "outlierBand" -> band = decimal();
                case "fundingRate" -> funding = decimal();
                case "fundingTimeFraction" -> fraction = decimal();
                case "basisAverage" -> basis = decimal();
                case "lastPrice" -> last = decimal();
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.MarkPriceInputs(required(components), required(band), required(funding),
                required(fraction), required(basis), required(last));
    }

    private LiquidationEvent.IndexComponent component() throws IOException, GiveUp {
        String source = null;
        BigDecimal price = null, weight = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "source" -> source = text();
                case "price" -> price = decimal();
                case "weight" -> weight = decimal();
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.IndexComponent(required(source), required(price), required(weight));
    }

    private LiquidationEvent.Fill fill() throws IOException, GiveUp {
        Integer step = null;
        BigDecimal quantity = null, price = null, mark = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "step" -> step = integer();
                case "quantity" -> quantity = decimal();
                case "price" -> price = decimal();
                case "markPrice" -> mark = nullOr(this::decimal);
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.Fill(required(step), required(quantity), required(price), mark);
    }

    private LiquidationEvent.InsuranceFund fund() throws IOException, GiveUp {
        String fundId = null;
        BigDecimal balance = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "fundId" -> fundId = identifier();
                case "balanceBefore" -> balance = decimal();
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.InsuranceFund(required(fundId), required(balance));
    }

    private Reported reported() throws IOException, GiveUp {
        // Absent is a Java null; present (even as JSON null) is a Value.
        Reported.Value<BigDecimal> mark = null, lp = null, bp = null, quantity = null, fee = null, excess = null,
                traderReturn = null, loss = null, delta = null, adl = null;
        Reported.Value<Outcome> outcome = null;
        List<LiquidationEvent.ReportedStep> steps = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "markPrice" -> mark = new Reported.Value<>(nullOr(this::decimal));
                case "liquidationPrice" -> lp = new Reported.Value<>(nullOr(this::decimal));
                case "bankruptcyPrice" -> bp = new Reported.Value<>(nullOr(this::decimal));
                case "outcome" -> outcome = new Reported.Value<>(nullOr(() -> enumValue(Outcome.class)));
                case "liquidatedQuantity" -> quantity = new Reported.Value<>(nullOr(this::decimal));
                case "totalFee" -> fee = new Reported.Value<>(nullOr(this::decimal));
                case "excessEquity" -> excess = new Reported.Value<>(nullOr(this::decimal));
                case "traderReturn" -> traderReturn = new Reported.Value<>(nullOr(this::decimal));
                case "bankruptcyLoss" -> loss = new Reported.Value<>(nullOr(this::decimal));
                case "insuranceFundDelta" -> delta = new Reported.Value<>(nullOr(this::decimal));
                case "adlShortfall" -> adl = new Reported.Value<>(nullOr(this::decimal));
                case "steps" -> steps = nullOr(() -> array(EventJsonReader.MAX_FILLS, () -> object(this::reportedStep)));
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Reported(mark, lp, bp, outcome, quantity, fee, excess, traderReturn, loss, delta, adl, steps);
    }

    private LiquidationEvent.ReportedStep reportedStep() throws IOException, GiveUp {
        Integer step = null;
        BigDecimal fee = null;
        for (String name = field(""); name != null; name = field(name)) {
            switch (name) {
                case "step" -> step = integer();
                case "fee" -> fee = nullOr(this::decimal);
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new LiquidationEvent.ReportedStep(required(step), fee);
    }

    /**
     * The next field's name, with the parser on its value; null at the object's end. Stored inputs
     * are canonical (keys in order): a key out of order or twice is left to the tree reader, which
     * also spares this parser Jackson's duplicate detection (a set per object).
     */
    private String field(String previous) throws IOException, GiveUp {
        JsonToken token = p.nextToken();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw GiveUp.INSTANCE;
        }
        String name = p.currentName();
        if (name.compareTo(previous) <= 0) {
            throw GiveUp.INSTANCE;
        }
        p.nextToken();
        return name;
    }

    // --- values: each reads the current token and gives up on anything the tree reader would question ---

    /** A part read from the current token. */
    private interface Part<T> {
        T read() throws IOException, GiveUp;
    }

    /** JSON null means absent (as for the tree reader's optional fields); else the part. */
    private <T> T nullOr(Part<T> part) throws IOException, GiveUp {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : part.read();
    }

    private <T> T object(Part<T> fields) throws IOException, GiveUp {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        return fields.read(); // each object's reader consumes up to its END_OBJECT
    }

    private <T> List<T> array(int maxItems, Part<T> item) throws IOException, GiveUp {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw GiveUp.INSTANCE;
        }
        List<T> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (items.size() == maxItems) {
                throw GiveUp.INSTANCE;
            }
            items.add(item.read());
        }
        return items;
    }

    private String string() throws GiveUp, IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw GiveUp.INSTANCE;
        }
        return p.getText();
    }

    private String identifier() throws IOException, GiveUp {
        String value = string();
        if (!InputRules.isIdentifier(value)) {
            throw GiveUp.INSTANCE;
        }
        return value;
    }

    private String text() throws IOException, GiveUp {
        String value = string();
        if (InputRules.textProblem(value, InputRules.MAX_TEXT) != null) {
            throw GiveUp.INSTANCE;
        }
        return value;
    }

    private Instant timestamp() throws IOException, GiveUp {
        return required(InputRules.timestamp(string()));
    }

    private BigDecimal decimal() throws IOException, GiveUp {
        return required(InputRules.decimal(string()));
    }

    private Integer integer() throws IOException, GiveUp {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw GiveUp.INSTANCE;
        }
        return p.getIntValue();
    }

    private <E extends Enum<E>> E enumValue(Class<E> type) throws IOException, GiveUp {
        String value = string();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw GiveUp.INSTANCE;
    }

    private static <T> T required(T value) throws GiveUp {
        if (value == null) {
            throw GiveUp.INSTANCE;
        }
        return value;
    }

    private void next(JsonToken expected) throws IOException, GiveUp {
        if (p.nextToken() != expected) {
            throw GiveUp.INSTANCE;
        }
    }
}
