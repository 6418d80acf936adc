package io.liqaudit.disclosure;

/** What a page shows: a period and optional venue, symbol and fund filters (null: all). */
public record Scope(Period period, String venue, String symbol, String fundId) {

    /** This scope with its period ending no later than {@code until}. */
    public Scope until(java.time.LocalDate until) {
        return new Scope(period.until(until), venue, symbol, fundId);
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
        return q.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
