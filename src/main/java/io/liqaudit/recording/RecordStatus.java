package io.liqaudit.recording;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What became of one submission (an event or a fund movement), one enum for both. Written in
 * lower case on the wire ({@code "created"}), as the public contract has always said.
 */
public enum RecordStatus {
    /** Recorded now: a new row. */
    CREATED,
    /** The identical submission was recorded before: nothing written, the first answer again. */
    DUPLICATE,
    /** The identity is recorded with other content: nothing written, the attempt logged as refused. */
    CONFLICT,
    /** Malformed: nothing written; the problems name each bad field. */
    INVALID;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
