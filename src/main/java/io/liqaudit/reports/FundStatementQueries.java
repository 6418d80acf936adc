package io.liqaudit.reports;

import io.liqaudit.fund.FundStatements;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The insurance-fund statement, pinned: for each fund of the scope's events and each UTC day of
 * the period with activity, the opening balance, the flows by type, the closing balance, ADL
 * shortfalls, events and continuity breaks, and whether opening + flows = closing. Each fund's
 * chain is walked from its beginning (events below the checkpoint's tree size with their
 * recomputations as of its signing time; movements recorded by then), a page at a time; one page
 * of this report is one fund.
 */
@ApplicationScoped
public class FundStatementQueries implements ReportSource {

    /** The scope's funds in order; a page is the fund after {@code after} in this order (its index). */
    private static final String FUNDS = """
            select distinct e.fund_id from liquidation_event e
            where e.sequence < $1 and e.occurred_at >= $2 and e.occurred_at < $3 and ($4::text is null or e.venue = $4)
            order by 1""";

    private final Pool pool;
    private final FundStatements statements;

    FundStatementQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool, FundStatements statements) {
        this.pool = pool;
        this.statements = statements;
    }

    @Override
    public boolean eventRows() {
        return false;
    }

    /** Rows are days with activity; counted as the statement is walked, so the total is the number of funds × days at most. */
    @Override
    public Uni<Long> count(Pin pin, Scope scope) {
        return funds(pin, scope).map(funds -> (long) funds.size() * Math.max(1,
                java.time.Duration.between(scope.from(), scope.to()).toDays()));
    }

    /** Walks the next fund's chain, blocking: called on the worker thread that generates the package. */
    @Override
    public Uni<Page> next(Pin pin, Scope scope, long after, int limit) {
        return Uni.createFrom().item(() -> {
            List<String> funds = funds(pin, scope).await().indefinitely();
            int index = (int) after + 1;
            if (index >= funds.size()) {
                return new Page(List.of(), null);
            }
            return new Page(statement(funds.get(index), pin, scope), index + 1 < funds.size() ? (long) index : null);
        });
    }

    private Uni<List<String>> funds(Pin pin, Scope scope) {
        return pool.preparedQuery(FUNDS).execute(Tuple.of(pin.treeSize(), scope.from(), scope.to(), scope.venue()))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /** Walks one fund's chain on this (worker) thread and answers its days in the period. */
    private List<List<Object>> statement(String fundId, Pin pin, Scope scope) {
        return statements.walk(fundId, pin.treeSize(), pin.at(), scope.from().toLocalDate(), scope.to().toLocalDate(),
                scope.to(), null).rows();
    }
}
