package io.liqaudit.disclosure;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for pages: thousands separators and fixed decimals, done here, never in templates. */
@TemplateExtension
public final class Formats {

    private Formats() {
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setParseBigDecimal(true);
        return f;
    }

    /** Money in the quote currency: 1,234,567.89. */
    public static String money(BigDecimal value) {
        return value == null ? "–" : format("#,##0.00").format(value);
    }

    /** A price or quantity: thousands separators, and every decimal it has (prices keep their tick). */
    public static String decimal(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal v = value.stripTrailingZeros();
        DecimalFormat f = format("#,##0");
        f.setMinimumFractionDigits(Math.max(0, v.scale()));
        f.setMaximumFractionDigits(Math.max(0, v.scale()));
        return f.format(v);
    }

    /** A count: 12,345. */
    public static String count(long value) {
        return format("#,##0").format(value);
    }

    /** Basis points with one decimal. */
    public static String bps(BigDecimal value) {
        return value == null ? "–" : format("#,##0.0").format(value) + " bp";
    }

    /** A share of a whole, as a percentage with one decimal. */
    public static String percentOf(long part, long whole) {
        return whole == 0 ? "–" : format("0.0").format(BigDecimal.valueOf(part * 1000L).divide(BigDecimal.valueOf(whole), 0,
                RoundingMode.HALF_UP).movePointLeft(1)) + " %";
    }

    /** Short axis labels: 1.2k, 3.4M. */
    static String compact(BigDecimal value) {
        BigDecimal abs = value.abs();
        if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return format("0.#").format(value.movePointLeft(6)) + "M";
        }
        if (abs.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
            return format("0.#").format(value.movePointLeft(3)) + "k";
        }
        return format("0.##").format(value);
    }
}
