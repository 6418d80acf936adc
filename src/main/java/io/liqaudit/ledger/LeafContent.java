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
 * the RFC 8785 (JCS) serialisation of the leaf's content, with {@code recordedAt} as stored
 * (RFC 3339 UTC, six fractional digits) and every JSON number of the input written as a JSON
 * string of its plain decimal text, except the integer fields {@code quoteScale}, {@code maxSteps}
 * and {@code step}, which stay numbers. Two versions:
 * <ul>
 * <li>{@code liquidation-event/v2} (every event recorded since V21):
 * {@code {"schema", "venue", "eventId", "recordedAt", "accountCommitment", "input"}} where the input
 * has no {@code accountRef} and {@code accountCommitment} is the hex SHA-256 of
 * {@code "liquidation-audit/account/v1" ‖ 0x00 ‖ salt ‖ UTF-8(accountRef)} with the event's own
 * 32 random bytes of salt. This content is the leaf's preimage the public register entry
 * publishes after the delay: it verifies the leaf and names no account; the salt (given to the
 * account holder or an auditor, never published) ties the commitment to an account.</li>
 * <li>{@code liquidation-event/v1} (events recorded before):
 * {@code {"schema", "venue", "eventId", "recordedAt", "input"}}, the input whole, account included;
 * still verifiable by anyone holding the full event, never published.</li>
 * </ul>
 */
public final class LeafContent {

    public static final String SCHEMA = "liquidation-event/v1";
    public static final String SCHEMA_V2 = "liquidation-event/v2";
    /** Domain separation: this hash means "an account of a liquidation", nothing else. */
    private static final byte[] ACCOUNT_DOMAIN = "liquidation-audit/account/v1".getBytes(StandardCharsets.UTF_8);
    public static final int SALT_BYTES = 32;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    static final Set<String> INTEGER_FIELDS = Set.of("quoteScale", "maxSteps", "step");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LeafContent() {
    }

    /** A new event's salt: 32 random bytes, its own. */
    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** The hex commitment to an account under a salt: what a v2 leaf holds instead of the account. */
    public static String accountCommitment(byte[] salt, String accountRef) {
        java.security.MessageDigest sha = MerkleHashes.sha256();
        sha.update(ACCOUNT_DOMAIN);
        sha.update((byte) 0x00);
        sha.update(salt);
        sha.update(accountRef.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** Version 1 content (no salt): the input whole. */
    public static byte[] canonicalBytes(String venue, String eventId, String recordedAt, JsonNode input) {
        return canonicalBytes(venue, eventId, recordedAt, input, null);
    }

    /** The content of the event's leaf: version 2 with its salt, version 1 without (recorded before V21). */
    public static byte[] canonicalBytes(String venue, String eventId, String recordedAt, JsonNode input, byte[] salt) {
        return CanonicalJson.text(content(venue, eventId, recordedAt, input, salt)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The leaf's content as JSON: for version 2 exactly the preimage the register entry publishes
     * (no account in it), for version 1 the event whole.
     */
    public static ObjectNode content(String venue, String eventId, String recordedAt, JsonNode input, byte[] salt) {
        ObjectNode leaf = JSON.objectNode();
        leaf.put("schema", salt == null ? SCHEMA : SCHEMA_V2).put("venue", venue).put("eventId", eventId)
                .put("recordedAt", recordedAt);
        ObjectNode in = (ObjectNode) decimalsAsStrings(input, null);
        if (salt != null) {
            JsonNode account = in.remove("accountRef");
            if (account == null || !account.isTextual()) {
                throw new IllegalArgumentException("the event has no accountRef to commit to");
            }
            leaf.put("accountCommitment", accountCommitment(salt, account.asText()));
        }
        leaf.set("input", in);
        return leaf;
    }

    public static byte[] leafHash(String venue, String eventId, String recordedAt, JsonNode input) {
        return MerkleHashes.leaf(canonicalBytes(venue, eventId, recordedAt, input));
    }

    public static byte[] leafHash(String venue, String eventId, String recordedAt, JsonNode input, byte[] salt) {
        return MerkleHashes.leaf(canonicalBytes(venue, eventId, recordedAt, input, salt));
    }

    /**
     * The leaf hash of a document a verifier holds: a published preimage (schema v2 with its
     * accountCommitment and an input without the account: hashed as it is), or a full event as
     * the audit API serves it (venue, eventId, recordedAt, input, and for v2 its
     * {@code accountSalt} in hex, from which the commitment is made, tying the leaf to the account).
     */
    public static byte[] leafHashOf(JsonNode doc) {
        if (doc.has("accountCommitment")) {
            if (!SCHEMA_V2.equals(doc.path("schema").asText()) || doc.path("input").has("accountRef")) {
                throw new IllegalArgumentException("a published preimage is schema " + SCHEMA_V2 + " with no accountRef in its input");
            }
            return MerkleHashes.leaf(CanonicalJson.text(doc).getBytes(StandardCharsets.UTF_8));
        }
        String salt = doc.path("accountSalt").asText(null);
        return leafHash(doc.path("venue").asText(), doc.path("eventId").asText(), doc.path("recordedAt").asText(),
                doc.path("input"), salt == null ? null : java.util.HexFormat.of().parseHex(salt));
    }

    /**
     * An event's leaf content with its recording time left open. The content is canonicalised
     * once, before the log is locked, on the request's own thread; under the lock only the time
     * is filled in and one SHA-256 taken — the same bytes as {@link #canonicalBytes}
     * (LeafContentTest). The top-level "recordedAt" sorts after "accountCommitment" and "input" and
     * is followed only by "schema" and "venue", so the last occurrence of the placeholder is the one
     * to fill.
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

    public static Template template(String venue, String eventId, JsonNode input, byte[] salt) {
        byte[] bytes = canonicalBytes(venue, eventId, Template.OPEN, input, salt);
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
