package io.liqaudit.reconciliation;

import java.util.Optional;

/** What totals may be grouped by: each a parameter name and its SQL, never taken from a request. */
enum Grouping {
    VENUE("venue", "e.venue"),
    SYMBOL("symbol", "e.symbol"),
    FUND_ID("fundId", "e.fund_id"),
    DAY("day", "to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD')"),
    MONTH("month", "to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM')"),
    POLICY("policy", "e.policy_mode"),
    VERDICT("verdict", "r.verdict");

    final String parameter;
    final String sql;

    Grouping(String parameter, String sql) {
        this.parameter = parameter;
        this.sql = sql;
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
