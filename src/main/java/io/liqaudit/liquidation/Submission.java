package io.liqaudit.liquidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.ledger.LeafContent;
import java.util.HexFormat;

/**
 * One well-formed event ready to record: its canonical JSON text and digest, the parsed event,
 * and the engine's recomputation of it (made before any lock is taken).
 */
public record Submission(LiquidationEvent event, JsonNode input, String canonicalInput, byte[] digest,
        EngineResult recomputation) implements Prepared {

    /** This event's leaf in the log, were it recorded at {@code recordedAt}. */
    public byte[] leafHash(String recordedAt) {
        return LeafContent.leafHash(venue(), eventId(), recordedAt, input);
    }

    public String venue() {
        return event.venue();
    }

    public String eventId() {
        return event.eventId();
    }

    /** The identity of an event, for people: venue/eventId. */
    public String identity() {
        return venue() + "/" + eventId();
    }

    /** The identity as a map key: a separator that no name can contain, so "a/b"+"c" ≠ "a"+"b/c". */
    String identityKey() {
        return key(venue(), eventId());
    }

    static String key(String venue, String eventId) {
        return venue + '\u0000' + eventId;
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }
}
