package io.liqaudit.disclosure;

import java.util.List;

/**
 * What a page shows: a period and optional venue, symbol and fund filters (null: all), and the
 * currency its amounts are in. {@code currency} is what the reader asked for (a code, {@link
 * #NOT_STATED}, or null); {@code funds}, when not null, are the funds of the currency shown (the
 * page's amounts are summed over those only: amounts in different currencies never add up).
 */
public record Scope(Period period, String venue, String symbol, String fundId, String currency, List<String> funds) {

    /** The currency of funds whose currency no admin has stated yet, as a filter value. */
    public static final String NOT_STATED = "-";

    public Scope(Period period, String venue, String symbol, String fundId) {
        this(period, venue, symbol, fundId, null, null);
    }

    /** This scope with its period ending no later than {@code until}. */
    public Scope until(java.time.LocalDate until) {
        return new Scope(period.until(until), venue, symbol, fundId, currency, funds);
    }

    /** This scope restricted to the funds of one currency (null: no restriction). */
    public Scope inFunds(List<String> currencyFunds) {
        return new Scope(period, venue, symbol, fundId, currency, currencyFunds == null ? null : List.copyOf(currencyFunds));
    }

    /** The funds a query keeps, for {@code fund_id = any($n::text[])}; null keeps every fund. */
    public String[] fundFilter() {
        if (fundId != null) {
            return new String[] {fundId};
        }
        return funds == null ? null : funds.toArray(String[]::new);
    }

    /** The query string that reproduces this scope, for permalinks and CSV links. */
    public String query() {
        StringBuilder q = new StringBuilder("period=").append(encode(period.label()));
        if (venue != null) {
            q.append("&venue=").append(encode(venue));
        }
        if (symbol != null) {
            q.append("&symbol=").append(encode(symbol));
        }
        if (fundId != null) {
            q.append("&fundId=").append(encode(fundId));
        }
        if (currency != null) {
            q.append("&currency=").append(encode(currency));
        }
        return q.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
