package io.liqaudit.liquidation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * When events last arrived for recording: background work (re-verification runs) reads it to
 * give way to ingest, which has the venues waiting on it. A time only, written by ingest.
 */
@ApplicationScoped
public class IngestActivity {

    private volatile long lastArrivalNanos = System.nanoTime() - Duration.ofDays(1).toNanos();

    void arrived() {
        lastArrivalNanos = System.nanoTime();
    }

    /** Whether events arrived within {@code window}. */
    public boolean within(Duration window) {
        return System.nanoTime() - lastArrivalNanos < window.toNanos();
    }
}
