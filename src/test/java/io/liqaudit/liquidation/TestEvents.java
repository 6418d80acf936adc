package io.liqaudit.liquidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Events for tests, taken from the public vectors and given fresh identities. */
public final class TestEvents {

    static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    private static final JsonNode VECTORS = load();

    private TestEvents() {
    }

    private static JsonNode load() {
        try (InputStream in = TestEvents.class.getResourceAsStream("/vectors/engine-v1-public.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input of the named vector with a new, unique eventId (and optionally venue and fund). */
    public static ObjectNode fresh(String vectorName) {
        for (JsonNode v : VECTORS) {
            if (v.get("name").asText().equals(vectorName)) {
                ObjectNode input = v.get("input").deepCopy();
                input.put("eventId", "t-" + UUID.randomUUID());
                return input;
            }
        }
        throw new IllegalArgumentException(vectorName);
    }

    /** Every vector's input, each with a fresh identity. */
    public static java.util.List<ObjectNode> all() {
        java.util.List<ObjectNode> out = new java.util.ArrayList<>();
        for (JsonNode v : VECTORS) {
            ObjectNode input = v.get("input").deepCopy();
            input.put("eventId", "t-" + UUID.randomUUID());
            out.add(input);
        }
        return out;
    }
}
