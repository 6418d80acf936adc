package io.liqaudit.platform;

import java.util.regex.Pattern;

/**
 * Cells of every CSV the service writes (RFC 4180). A text cell that a spreadsheet would run as
 * a formula (it begins with '=', '+', '-', '@', a tab or a carriage return) is neutralised with a
 * leading apostrophe, as OWASP advises against CSV injection; a plain decimal number such as
 * {@code -12.5} is data, not a formula, and is left as it is so machines read it as a number.
 */
public final class CsvCells {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    public static String text(String s) {
        if (s == null) {
            return "";
        }
        String safe = s;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !PLAIN_DECIMAL.matcher(s).matches()) {
            safe = "'" + s;
        }
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
