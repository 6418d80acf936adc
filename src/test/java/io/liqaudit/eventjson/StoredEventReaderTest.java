package io.liqaudit.eventjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.demo.DemoEvents;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.platform.json.CanonicalJson;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of stored inputs may only agree with the tree reader or step aside: on
 * every vector, on the demo's events, and on seeded mutations of them (bounded in time,
 * -Dfuzz.seconds), it never reads an event the tree reader refuses nor a different one.
 */
class StoredEventReaderTest {

    private static final ObjectMapper STORED = ExactDecimalJson.storedMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final long BUDGET_MS = Math.min(8, Long.getLong("fuzz.seconds", 8L)) * 1000;

    @Test
    void readsEveryVectorAsTheTreeReaderDoes() {
        List<ObjectNode> inputs = TestEvents.all();
        for (ObjectNode input : inputs) {
            String text = CanonicalJson.text(input);
            LiquidationEvent streamed = StoredEventReader.read(text);
            assertThat(streamed).as(text).isNotNull().isEqualTo(tree(text));
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(81);
    }

    @Test
    void readsTheDemosEventsAsTheTreeReaderDoes() {
        for (JsonNode input : DemoEvents.generate(7, 3_000)) {
            String text = CanonicalJson.text(input);
            LiquidationEvent tree = tree(text);
            LiquidationEvent streamed = StoredEventReader.read(text);
            if (tree == null) {
                assertThat(streamed).as(text).isNull();
            } else {
                assertThat(streamed).as(text).isNotNull().isEqualTo(tree);
            }
        }
    }

    @Test
    void optionalPartsPresentAbsentAndNull() {
        ObjectNode input = TestEvents.fresh("consistent#1"); // has mark-price inputs
        ObjectNode reported = input.withObject("/reported");
        reported.remove("markPrice");
        reported.putNull("bankruptcyPrice");
        reported.putNull("outcome");
        reported.putArray("steps").addObject().put("step", 1).putNull("fee");
        input.putNull("fills");
        input.withObject("/position").putNull("openOrderMargin");
        String text = CanonicalJson.text(input);
        LiquidationEvent streamed = StoredEventReader.read(text);
        assertThat(streamed).isNotNull().isEqualTo(tree(text));
        assertThat(streamed.reported().bankruptcyPrice()).isEqualTo(new LiquidationEvent.Reported.Value<>(null));
        assertThat(streamed.reported().markPrice()).isNull();
        input.remove("reported");
        text = CanonicalJson.text(input);
        assertThat(StoredEventReader.read(text)).isNotNull().isEqualTo(tree(text));
    }

    @Test
    void stepsAsideForWhatOnlyTheTreeReaderJudges() {
        ObjectNode input = TestEvents.all().get(0);
        String canonical = CanonicalJson.text(input);
        // A decimal as a JSON number: the tree reader reads it; the streaming one leaves it to the tree.
        ObjectNode numeric = input.deepCopy();
        numeric.withObject("/market").put("markPrice", new BigDecimal("11384.10"));
        assertThat(StoredEventReader.read(CanonicalJson.text(numeric))).isNull();
        assertThat(EventJsonReader.storedEvent(CanonicalJson.text(numeric)).market().markPrice()).isNotNull();
        // A key twice, trailing content, an unknown field.
        assertThat(StoredEventReader.read("{\"venue\":\"A\"," + canonical.substring(1))).isNull();
        assertThat(StoredEventReader.read(canonical + "{}")).isNull();
        // Keys out of canonical order (the store never writes that): the tree reader reads it.
        String reordered = "{\"venue\":" + STORED.valueToTree(input.get("venue")) + ","
                + canonical.substring(1).replace(",\"venue\":\"" + input.get("venue").textValue() + "\"", "");
        assertThat(StoredEventReader.read(reordered)).isNull();
        assertThat(EventJsonReader.storedEvent(reordered)).isEqualTo(tree(canonical));
        ObjectNode unknown = input.deepCopy();
        unknown.put("zzz", 1);
        assertThat(StoredEventReader.read(CanonicalJson.text(unknown))).isNull();
    }

    @Test
    void aTierTableReadBeforeIsSharedAndAnotherIsReadAfresh() {
        ObjectNode first = TestEvents.fresh("consistent#1");
        ObjectNode second = TestEvents.fresh("consistent#1");
        LiquidationEvent a = StoredEventReader.read(CanonicalJson.text(first));
        LiquidationEvent b = StoredEventReader.read(CanonicalJson.text(second));
        assertThat(b.riskTiers()).isSameAs(a.riskTiers());
        ((ObjectNode) second.get("riskTiers").get(0)).put("maintenanceMarginRate", "0.0041");
        String changed = CanonicalJson.text(second);
        assertThat(StoredEventReader.read(changed)).isEqualTo(tree(changed));
        assertThat(StoredEventReader.read(changed).riskTiers()).isNotEqualTo(a.riskTiers());
    }

    @Test
    void mutationsNeverReadOtherwiseThanTheTreeReader() {
        List<JsonNode> seeds = new ArrayList<>(TestEvents.all());
        seeds.addAll(DemoEvents.generate(11, 200));
        Random random = new Random(SEED);
        long until = System.currentTimeMillis() + BUDGET_MS;
        int tried = 0, streamed = 0, refusedByTree = 0;
        while (System.currentTimeMillis() < until || tried < 2_000) {
            JsonNode mutant = seeds.get(random.nextInt(seeds.size())).deepCopy();
            int mutations = 1 + random.nextInt(2);
            for (int i = 0; i < mutations; i++) {
                mutate(mutant, random);
            }
            String text = random.nextInt(20) == 0 ? textual(CanonicalJson.text(mutant), random) : CanonicalJson.text(mutant);
            LiquidationEvent tree = tree(text);
            LiquidationEvent fast = StoredEventReader.read(text);
            if (fast != null) {
                assertThat(tree).as("seed %d, try %d: %s", SEED, tried, text).isNotNull().isEqualTo(fast);
                streamed++;
            }
            if (tree == null) {
                refusedByTree++;
            }
            tried++;
        }
        // The mutations reach both sides: some read, many refused.
        assertThat(streamed).isGreaterThan(tried / 20);
        assertThat(refusedByTree).isGreaterThan(tried / 4);
    }

    /** The tree reader's event of a stored text, or null when it refuses it. */
    private static LiquidationEvent tree(String text) {
        try {
            return EventJsonReader.readStored(STORED.readTree(text)).event();
        } catch (Exception e) {
            return null;
        }
    }

    private static final List<Supplier<JsonNode>> VALUES = List.of(
            NODES::nullNode, () -> NODES.textNode(""), () -> NODES.textNode("1"), () -> NODES.textNode("-0.00"),
            () -> NODES.textNode(" 1"), () -> NODES.textNode("1e3"), () -> NODES.textNode("9".repeat(39)),
            () -> NODES.textNode("0." + "0".repeat(31) + "1"), () -> NODES.textNode("x\u0000"), () -> NODES.textNode("FULL"),
            () -> NODES.textNode("LONG"), () -> NODES.textNode("2026-07-04T05:00:13Z"), () -> NODES.textNode("2101-01-01T00:00:00Z"),
            () -> NODES.textNode("a b"), () -> NODES.textNode("x".repeat(201)), () -> NODES.numberNode(1),
            () -> NODES.numberNode(5_000_000_000L), () -> NODES.numberNode(new BigDecimal("1.50")), () -> NODES.booleanNode(true),
            NODES::objectNode, NODES::arrayNode);

    /** Replaces, removes or adds one value somewhere in the tree. */
    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int what = random.nextInt(10);
            if (names.isEmpty() || what == 0) {
                object.set(random.nextBoolean() ? "extra" : "step", VALUES.get(random.nextInt(VALUES.size())).get());
            } else if (what == 1) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), VALUES.get(random.nextInt(VALUES.size())).get());
            }
        } else if (target instanceof ArrayNode array) {
            int what = random.nextInt(4);
            if (array.isEmpty() || what == 0) {
                array.add(array.isEmpty() ? VALUES.get(random.nextInt(VALUES.size())).get() : array.get(0).deepCopy());
            } else if (what == 1) {
                array.remove(random.nextInt(array.size()));
            } else if (what == 2) {
                for (int i = 0; i < 60; i++) {
                    array.add(array.get(0).deepCopy());
                }
            } else {
                array.set(random.nextInt(array.size()), VALUES.get(random.nextInt(VALUES.size())).get());
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                collect(it.next(), into);
            }
        }
    }

    /** Damage at the text level: a key twice, trailing content, cut short. */
    private static String textual(String canonical, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "{\"venue\":\"VENUE-A\"," + canonical.substring(1);
            case 1 -> canonical + " {}";
            default -> canonical.substring(0, random.nextInt(canonical.length()));
        };
    }
}
