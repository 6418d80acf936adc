package io.liqaudit.platform;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every value that enters the service obeys, wherever it enters (a JSON body, a path,
 * a query parameter). They exist so that nothing is stored that cannot be read back, and so that
 * no request can make arithmetic or text handling expensive. README "Input rules" states them.
 */
public final class InputRules {

    /** Identifiers (venue, eventId, accountRef, fundId, movementId, symbol): 1 to 128 of these characters. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    public static final String IDENTIFIER_RULE =
            "must be 1 to 128 characters: letters A-Z a-z, digits, '.', '_', ':' or '-', starting with a letter or digit";

    /** Free text (a rule version, an index source, a movement reference): no control characters. */
    public static final int MAX_TEXT = 200;

    /** Decimals: at most this many significant digits ... */
    public static final int MAX_DIGITS = 38;
    /** ... and a scale (decimal places; negative for powers of ten) within ± this. */
    public static final int MAX_SCALE = 30;
    /** Longer decimal text is refused before it is parsed at all. */
    private static final int MAX_DECIMAL_TEXT = 80;
    public static final String DECIMAL_RULE = "must be a decimal number with at most " + MAX_DIGITS
            + " significant digits and a scale within ±" + MAX_SCALE + " (at most " + MAX_SCALE + " decimal places, 1E+"
            + MAX_SCALE + " at the largest exponent)";

    /** Time stamps: RFC 3339 in UTC ("Z"), up to microseconds, within [2000, 2101). */
    private static final Pattern UTC_TIMESTAMP =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?Z");
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant END = Instant.parse("2101-01-01T00:00:00Z");
    public static final String TIMESTAMP_RULE = "must be an RFC 3339 UTC timestamp ending in Z, with up to six fractional "
            + "digits, in the years 2000 to 2100, e.g. 2026-07-04T05:00:13.123456Z";

    private InputRules() {
    }

    /** A currency code as funds are registered with: USDT, BTC (2 to 12 capital letters or digits). */
    public static final String CURRENCY_RULE = "must be a currency code of 2 to 12 capital letters or digits (USDT, BTC)";
    private static final java.util.regex.Pattern CURRENCY = java.util.regex.Pattern.compile("[A-Z0-9]{2,12}");

    public static boolean isCurrency(String s) {
        return s != null && CURRENCY.matcher(s).matches();
    }

    public static boolean isIdentifier(String s) {
        return s != null && IDENTIFIER.matcher(s).matches();
    }

    /**
     * Null when {@code s} is acceptable free text of at most {@code max} characters, else what is
     * wrong: control characters (PostgreSQL cannot store NUL) or unpaired UTF-16 surrogates (they
     * cannot be encoded as UTF-8 and would come back as '?').
     */
    public static String textProblem(String s, int max) {
        if (s.isEmpty() || s.length() > max) {
            return "must be 1 to " + max + " characters";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return "must be valid Unicode (an unpaired surrogate)";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode (an unpaired surrogate)";
            }
        }
        return null;
    }

    /** The decimal of {@code text}, or null when it is not a decimal within the bounds. */
    public static BigDecimal decimal(String text) {
        if (text.isEmpty() || text.length() > MAX_DECIMAL_TEXT || !text.strip().equals(text)) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
        return withinBounds(value) ? value : null;
    }

    public static boolean withinBounds(BigDecimal value) {
        // The scale of 1E+40 is -40: bounding it keeps toPlainString() and arithmetic small.
        return value.precision() <= MAX_DIGITS && Math.abs(value.scale()) <= MAX_SCALE;
    }

    /** The instant of an RFC 3339 UTC timestamp inside [2000, 2101), or null. 24:00 and leap seconds are refused. */
    public static Instant timestamp(String text) {
        if (text == null || text.length() > 40) {
            return null;
        }
        Matcher m = UTC_TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            Instant t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos).toInstant(ZoneOffset.UTC);
            return t.isBefore(EARLIEST) || !t.isBefore(END) ? null : t;
        } catch (DateTimeException e) {
            return null; // 24:00, second 60, 30 February
        }
    }
}
