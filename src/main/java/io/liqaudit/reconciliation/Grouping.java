package io.liqaudit.reconciliation;

import java.util.Optional;

/** What totals may be grouped by: each a parameter name and its SQL, never taken from a request. */
enum Grouping {
    VENUE("venue", "e.venue", "c.venue"),
    SYMBOL("symbol", "e.symbol", "c.symbol"),
    FUND_ID("fundId", "e.fund_id", "c.fund_id"),
    DAY("day", "to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD')", "to_char(c.day, 'YYYY-MM-DD')"),
    MONTH("month", "to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM')", "to_char(c.day, 'YYYY-MM')"),
    POLICY("policy", "e.policy_mode", "c.policy_mode"),
    VERDICT("verdict", "r.verdict", "c.verdict");

    final String parameter;
    /** Over an event {@code e} and its recomputation {@code r}. */
    final String sql;
    /** Over a row {@code c} of the fold's shape (see {@link Measures}). */
    final String folded;

    Grouping(String parameter, String sql, String folded) {
        this.parameter = parameter;
        this.sql = sql;
        this.folded = folded;
    }

    static Optional<Grouping> named(String parameter) {
        for (Grouping g : values()) {
            if (g.parameter.equals(parameter)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
