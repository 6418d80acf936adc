package io.liqaudit.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.ledger.merkle.MerkleHashes;
import io.liqaudit.platform.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What a leaf of the log commits to, so that anyone holding an event's JSON can rebuild its
 * leaf hash: {@code leaf = SHA-256(0x00 ‖ canonicalBytes)}, where canonicalBytes is the UTF-8 of
 * the RFC 8785 (JCS) serialisation of
 * {@code {"schema": "liquidation-event/v1", "venue", "eventId", "recordedAt", "input"}} with
 * {@code recordedAt} as stored (RFC 3339 UTC, six fractional digits) and every JSON number of the
 * input written as a JSON string of its plain decimal text, except the integer fields
 * {@code quoteScale}, {@code maxSteps} and {@code step}, which stay numbers.
 */
public final class LeafContent {

    public static final String SCHEMA = "liquidation-event/v1";
    static final Set<String> INTEGER_FIELDS = Set.of("quoteScale", "maxSteps", "step");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LeafContent() {
    }

    public static byte[] canonicalBytes(String venue, String eventId, String recordedAt, JsonNode input) {
        ObjectNode leaf = JSON.objectNode();
        leaf.put("schema", SCHEMA).put("venue", venue).put("eventId", eventId).put("recordedAt", recordedAt);
        leaf.set("input", decimalsAsStrings(input, null));
        return CanonicalJson.text(leaf).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] leafHash(String venue, String eventId, String recordedAt, JsonNode input) {
        return MerkleHashes.leaf(canonicalBytes(venue, eventId, recordedAt, input));
    }

    /**
     * An event's leaf content with its recording time left open. The content is canonicalised
     * once, before the log is locked, on the request's own thread; under the lock only the time
     * is filled in and one SHA-256 taken — the same bytes as {@link #canonicalBytes}
     * (LeafContentTest). The top-level "recordedAt" sorts after "input" and is followed only by
     * "schema" and "venue", so the last occurrence of the placeholder is the one to fill.
     */
    public record Template(byte[] head, byte[] tail) {

        private static final String OPEN = "0000-00-00T00:00:00.000000Z";

        public byte[] leafHash(String recordedAt) {
            java.security.MessageDigest sha = MerkleHashes.sha256();
            sha.update((byte) 0x00);
            sha.update(head);
            sha.update(recordedAt.getBytes(StandardCharsets.US_ASCII)); // RFC 3339: nothing JSON would escape
            sha.update(tail);
            return sha.digest();
        }
    }

    public static Template template(String venue, String eventId, JsonNode input) {
        byte[] bytes = canonicalBytes(venue, eventId, Template.OPEN, input);
        byte[] open = ("\"recordedAt\":\"" + Template.OPEN + "\"").getBytes(StandardCharsets.US_ASCII);
        int at = lastIndexOf(bytes, open) + open.length - Template.OPEN.length() - 1;
        return new Template(java.util.Arrays.copyOfRange(bytes, 0, at),
                java.util.Arrays.copyOfRange(bytes, at + Template.OPEN.length(), bytes.length));
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = bytes.length - part.length; i >= 0; i--) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("a leaf's canonical content has no recordedAt");
    }

    private static JsonNode decimalsAsStrings(JsonNode node, String field) {
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), decimalsAsStrings(e.getValue(), e.getKey()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(item -> out.add(decimalsAsStrings(item, field)));
            return out;
        }
        if (node.isNumber() && !INTEGER_FIELDS.contains(field)) {
            return JSON.textNode(node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString());
        }
        return node;
    }
}
