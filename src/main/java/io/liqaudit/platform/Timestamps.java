package io.liqaudit.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The public contract's timestamps: RFC 3339, UTC, always six fractional digits. */
public final class Timestamps {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(OffsetDateTime t) {
        return t == null ? null : MICROS.format(t.toInstant());
    }

    public static String format(Instant t) {
        return t == null ? null : MICROS.format(t);
    }

    /** Now, at the microsecond precision PostgreSQL keeps, so what is answered equals what is stored. */
    public static OffsetDateTime nowMicros() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
