package io.liqaudit.liquidation;

/** The orders a search can list events in, each descending and ending ties by log position. */
public enum EventSort {
    /** Log order, newest first: the order events were recorded in, stable while events arrive. */
    RECORDED("recorded"),
    /** When the liquidation happened (occurredAt), latest first. */
    TIME("time"),
    /** Amount at stake, largest first: |insurance-fund delta| as recomputed, 0 when nothing was recomputed. */
    AMOUNT("amount");

    private final String wire;

    EventSort(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The sort named {@code wire}, or null when there is none. */
    public static EventSort ofWire(String wire) {
        for (EventSort s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        return null;
    }
}
