package io.liqaudit.liquidation;

import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.ledger.LeafContent;
import java.util.HexFormat;

/**
 * One well-formed event ready to record: its canonical JSON text and digest, the parsed event,
 * the engine's recomputation of it and that recomputation's stored columns, the salt its leaf
 * commits to its account with (LeafContent, version 2), and its leaf with the recording time
 * left open — all made before any lock is taken, on the request's thread, so the sequencer's
 * transaction does no CPU work it could have done elsewhere.
 */
public record Submission(LiquidationEvent event, String canonicalInput, byte[] digest, EngineResult recomputation,
        RecomputationWriter.Columns columns, byte[] salt, LeafContent.Template leaf) implements Prepared {

    /** This event's leaf in the log, were it recorded at {@code recordedAt}. */
    public byte[] leafHash(String recordedAt) {
        return leaf.leafHash(recordedAt);
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
