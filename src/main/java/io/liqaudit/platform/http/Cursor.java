package io.liqaudit.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The one encoding of keyset-page cursors: the key of the last row seen, as text parts joined by
 * '|' and base64url-encoded. Clients treat it as opaque; a cursor that does not decode to the
 * expected number of parts is refused (400 naming {@code cursor}), never half-used.
 */
public final class Cursor {

    public static final String PROBLEM = "is not a cursor from a previous page";

    private Cursor() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of {@code cursor} when it has exactly {@code count} of them; empty when it is not a cursor. */
    public static Optional<List<String>> decode(String cursor, int count) {
        if (cursor == null || cursor.length() > 200) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split("\\|", -1));
            return parts.size() == count ? Optional.of(parts) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
