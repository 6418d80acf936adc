package io.liqaudit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Hostile input for the fuzz tests (HTTP and Kafka alike): JSON trees mutated with values an
 * attacker or a broken client would send, and text damaged in ways trees cannot express. Seeded
 * by the caller's Random, so a failure replays.
 */
public final class JsonMutator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Values an attacker or a broken client would put anywhere. */
    private static final List<Supplier<JsonNode>> HOSTILE = List.of(
            () -> JSON.textNode(""), () -> JSON.textNode("\u0000"), () -> JSON.textNode("a\u0000b"),
            () -> JSON.textNode("\ud800"), () -> JSON.textNode("x".repeat(10_000)), () -> JSON.textNode("1e999999999"),
            () -> JSON.textNode("-1"), () -> JSON.textNode("NaN"), () -> JSON.textNode("Infinity"), () -> JSON.textNode(" 1"),
            () -> JSON.textNode("1E+31"), () -> JSON.textNode("0." + "0".repeat(40) + "1"), () -> JSON.textNode("=cmd|' /C calc'!A0"),
            () -> JSON.textNode("2026-03-01T24:00:00Z"), () -> JSON.textNode("+99999-01-01T00:00:00Z"),
            () -> JSON.textNode("a/b"), () -> JSON.textNode("é"), () -> JSON.textNode("FULL"), () -> JSON.numberNode(5),
            () -> JSON.numberNode(new java.math.BigDecimal("1E+1000")), () -> JSON.numberNode(new java.math.BigDecimal("-0.0")),
            () -> JSON.numberNode(Long.MAX_VALUE), () -> JSON.numberNode(new java.math.BigInteger("9".repeat(900))),
            () -> JSON.booleanNode(true), () -> JSON.nullNode(), () -> JSON.arrayNode(), () -> JSON.objectNode(),
            () -> deep(200), () -> JSON.arrayNode().add(JSON.objectNode()).add(JSON.numberNode(1)));

    private final Random random;

    public JsonMutator(Random random) {
        this.random = random;
    }

    private static JsonNode deep(int depth) {
        ObjectNode root = JSON.objectNode();
        ObjectNode at = root;
        for (int i = 0; i < depth; i++) {
            at = at.putObject("d");
        }
        return root;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Every object field and array item of the tree, as (parent, key) places to mutate. */
    private record Place(JsonNode parent, String field, int index) {
    }

    private static void places(JsonNode node, List<Place> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.add(new Place(node, f.getKey(), -1));
                places(f.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Place(node, null, i));
                places(node.get(i), out);
            }
        }
    }

    /** One to three mutations of a JSON tree: a hostile value, a removal, or an unknown field. */
    public void mutate(ObjectNode root) {
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            List<Place> all = new ArrayList<>();
            places(root, all);
            if (all.isEmpty()) {
                root.set("unknown", pick(HOSTILE).get());
                continue;
            }
            Place p = pick(all);
            int what = random.nextInt(10);
            if (p.field() != null) {
                ObjectNode parent = (ObjectNode) p.parent();
                if (what < 7) {
                    parent.set(p.field(), pick(HOSTILE).get());
                } else if (what < 9) {
                    parent.remove(p.field());
                } else {
                    parent.set("unknown" + random.nextInt(3), pick(HOSTILE).get());
                }
            } else if (what < 8) {
                ((ArrayNode) p.parent()).set(p.index(), pick(HOSTILE).get());
            } else {
                ((ArrayNode) p.parent()).remove(p.index());
            }
        }
    }

    /** Text-level damage JSON trees cannot express: truncation, a stray byte, a duplicated key. */
    public String damage(String json) {
        return switch (random.nextInt(4)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> {
                int at = random.nextInt(json.length());
                yield json.substring(0, at) + pick(List.of("\u0000", "\"", "{", "]", ",", "\\", "\uffff")) + json.substring(at);
            }
            case 2 -> json.replaceFirst("\\{", "{\"venue\":\"DUP\",");
            default -> json;
        };
    }

}
