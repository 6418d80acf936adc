package io.liqaudit.liquidation;

import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEvent;
import java.util.HexFormat;

/**
 * One well-formed event ready to record: its canonical JSON text and digest, the parsed event,
 * and the engine's recomputation of it (made before any lock is taken).
 */
public record Submission(LiquidationEvent event, String canonicalInput, byte[] digest, EngineResult recomputation)
        implements Prepared {

    public String venue() {
        return event.venue();
    }

    public String eventId() {
        return event.eventId();
    }

    /** The identity of an event: venue and eventId. */
    public String identity() {
        return venue() + "/" + eventId();
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }
}
