package io.liqaudit.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A disclosure period in UTC: {@code YYYY}, {@code YYYY-Qn}, {@code YYYY-MM} or {@code YYYY-MM-DD}; [from, to). */
public record Period(String label, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The period named, or the current UTC year when none is. */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            return parse(String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear()));
        }
        if (text.length() == 7 && text.charAt(5) == 'q') {
            return parse(text.substring(0, 5) + 'Q' + text.charAt(6)); // 2026-q3 is how people type it
        }
        try {
            Matcher m;
            if ((m = YEAR.matcher(text)).matches()) {
                LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
                return new Period(text, from, from.plusYears(1));
            }
            if ((m = QUARTER.matcher(text)).matches()) {
                LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), 3 * (Integer.parseInt(m.group(2)) - 1) + 1, 1);
                return new Period(text, from, from.plusMonths(3));
            }
            if ((m = MONTH.matcher(text)).matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Period(text, month.atDay(1), month.plusMonths(1).atDay(1));
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return new Period(text, day, day.plusDays(1));
            }
        } catch (java.time.DateTimeException e) {
            // falls through
        }
        throw new IllegalArgumentException("period must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD (UTC)");
    }

    /** The quarter holding this day, as its label: 2026-Q3. */
    public static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * This period ending no later than {@code until} (the first day not yet published); empty
     * (from = to) when it starts after that. The label stays: it names what was asked for.
     */
    public Period until(LocalDate until) {
        if (!to.isAfter(until)) {
            return this;
        }
        return new Period(label, from.isAfter(until) ? until : from, until);
    }

    /** Whether charts over this period should show days (a month or less) rather than months. */
    public boolean daily() {
        return !to.isAfter(from.plusDays(31));
    }
}
