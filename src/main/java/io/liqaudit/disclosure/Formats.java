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

    /**
     * Money in the quote currency, exactly: 1,234,567.89, or 1,234,567.8946 when it has more
     * decimals; never rounded, so a headline is the sum of its rows to the last unit as printed.
     * One way for signs and zeros: a plain hyphen-minus, and zero as 0.00.
     */
    public static String money(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        DecimalFormat f = format("#,##0");
        f.setMinimumFractionDigits(Math.max(2, v.scale()));
        f.setMaximumFractionDigits(Math.max(2, v.scale()));
        return f.format(v);
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

    /**
     * An RFC 3339 UTC time stamp for people: 2026-03-01 10:00:00, the fraction only when there is
     * one ({@code .123456}); the table's header says UTC.
     */
    public static String time(String rfc3339) {
        if (rfc3339 == null) {
            return "–";
        }
        String t = rfc3339.replace('T', ' ').replace("Z", "");
        return t.endsWith(".000000") ? t.substring(0, t.length() - 7) : t;
    }

    /** A currency filter value as the pick list shows it: the code, or "not stated". */
    public static String currencyOption(String value) {
        return CurrencyChoice.optionLabel(value);
    }

    /** A path segment for a link (a venue or an event id may hold characters a URL path may not). */
    public static String urlPath(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A delay as people write it: "24 hours", "90 minutes", "45 seconds", or "none". */
    public static String duration(java.time.Duration d) {
        if (d.isZero()) {
            return "none";
        }
        if (d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.getSeconds() % 60 == 0 ? d.toMinutes() + " minutes" : d.getSeconds() + " seconds";
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
    public static String compact(BigDecimal value) {
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
