package io.liqaudit.reports;

import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.ledger.LedgerProofs;
import io.liqaudit.platform.ReadPool;
import io.liqaudit.platform.Timestamps;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The integrity attestation, pinned: the checkpoints signed in the period (up to the pinned
 * one), each with the consistency proof from the checkpoint before it; the tamper audits and
 * re-verification runs requested in the period and finished by the pin's signing time; the engine
 * versions that recomputed events of the pinned tree in the period. Rows come in that order, a
 * section at a time; the page key says the section and the last key of it, so a quarter's tens of
 * thousands of checkpoints are paged like any report.
 */
@ApplicationScoped
public class AttestationQueries implements ReportSource {

    enum Kind { CHECKPOINT, AUDIT, RUN, ENGINE }

    /** A page key is section × SECTION + (last key in it + 1); -1 is the start. */
    private static final long SECTION = 1L << 56;

    private static final String AUDITS = """
            select id, requested_at, tree_size, status, finished_at, done,
                   json_array_length(tampered::json) + json_array_length(bad_checkpoints::json) as problems
            from ledger_audit where requested_at >= $1 and requested_at < $2 and status <> 'RUNNING' and finished_at <= $3
              and id > $4 order by id limit $5""";

    private static final String RUNS = """
            select id, requested_at, up_to_sequence + 1 as tree_size, status, finished_at, done, verdicts_changed as problems,
                   engine_version
            from verification_run where requested_at >= $1 and requested_at < $2 and status <> 'RUNNING' and finished_at <= $3
              and id > $4 order by id limit $5""";

    private static final String ENGINES = """
            select engine_version, min(computed_at) as first, count(*) as n from recomputation
            where computed_at >= $1 and computed_at < $2 and computed_at <= $3 and event_sequence < $4
            group by 1 order by 1""";

    private static final HexFormat HEX = HexFormat.of();

    private final Pool pool;
    private final Checkpoints checkpoints;
    private final LedgerProofs proofs;

    AttestationQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool, Checkpoints checkpoints, LedgerProofs proofs) {
        this.pool = pool;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
    }

    @Override
    public boolean eventRows() {
        return false;
    }

    @Override
    public Uni<Long> count(Pin pin, Scope scope) {
        return checkpoints.countSignedIn(scope.from(), scope.to(), pin.treeSize()).chain(n -> pool.preparedQuery("""
                        select (select count(*) from ledger_audit where requested_at >= $1 and requested_at < $2
                                  and status <> 'RUNNING' and finished_at <= $3)
                             + (select count(*) from verification_run where requested_at >= $1 and requested_at < $2
                                  and status <> 'RUNNING' and finished_at <= $3)
                             + (select count(distinct engine_version) from recomputation where computed_at >= $1
                                  and computed_at < $2 and computed_at <= $3 and event_sequence < $4)""")
                .execute(Tuple.of(scope.from(), scope.to(), pin.at(), pin.treeSize()))
                .map(rows -> n + rows.iterator().next().getLong(0)));
    }

    @Override
    public Uni<Page> next(Pin pin, Scope scope, long after, int limit) {
        Kind kind = after < 0 ? Kind.CHECKPOINT : Kind.values()[(int) (after / SECTION)];
        long last = after < 0 ? -1 : after % SECTION - 1;
        Uni<List<List<Object>>> rows = switch (kind) {
            case CHECKPOINT -> checkpointRows(pin, scope, last, limit);
            case AUDIT -> jobRows(AUDITS, Kind.AUDIT, pin, scope, last, limit);
            case RUN -> jobRows(RUNS, Kind.RUN, pin, scope, last, limit);
            case ENGINE -> engineRows(pin, scope);
        };
        return rows.map(page -> {
            if (page.size() == limit && kind != Kind.ENGINE) {
                long key = kind == Kind.CHECKPOINT ? (Long) page.get(page.size() - 1).get(3) : (Long) page.get(page.size() - 1).get(2);
                return new Page(page, kind.ordinal() * SECTION + key + 1);
            }
            return new Page(page, kind == Kind.ENGINE ? null : (kind.ordinal() + 1) * SECTION);
        });
    }

    private Uni<List<List<Object>>> checkpointRows(Pin pin, Scope scope, long afterTreeSize, int limit) {
        Uni<Optional<Checkpoints.Stored>> before = afterTreeSize < 0 ? checkpoints.lastBefore(scope.from())
                : checkpoints.signedIn(scope.from(), scope.to(), pin.treeSize(), afterTreeSize - 1, 1)
                        .map(l -> l.stream().filter(c -> c.treeSize() == afterTreeSize).findFirst());
        return before.chain(previous -> checkpoints.signedIn(scope.from(), scope.to(), pin.treeSize(), afterTreeSize, limit)
                .chain(page -> {
                    List<long[]> pairs = new ArrayList<>();
                    Long prior = previous.map(Checkpoints.Stored::treeSize).orElse(null);
                    for (Checkpoints.Stored c : page) {
                        pairs.add(new long[] {prior == null ? 0 : prior, c.treeSize()});
                        prior = c.treeSize();
                    }
                    return proofs.consistencies(pairs).map(proven -> {
                        List<List<Object>> out = new ArrayList<>();
                        for (int i = 0; i < page.size(); i++) {
                            Checkpoints.Stored c = page.get(i);
                            Optional<Checkpoints.Stored> before1 = i == 0 ? previous : Optional.of(page.get(i - 1));
                            out.add(Arrays.asList(Kind.CHECKPOINT.name(), Timestamps.format(c.createdAt()), null, c.treeSize(),
                                    HEX.formatHex(c.rootHash()), c.note(), before1.map(Checkpoints.Stored::treeSize).orElse(null),
                                    before1.map(b -> HEX.formatHex(b.rootHash())).orElse(null),
                                    before1.isEmpty() ? null : proven.get(i).proof(), null, null, null, null, null));
                        }
                        return out;
                    });
                }));
    }

    private Uni<List<List<Object>>> jobRows(String sql, Kind kind, Pin pin, Scope scope, long afterId, int limit) {
        return pool.preparedQuery(sql).execute(Tuple.of(scope.from(), scope.to(), pin.at(), afterId, limit)).map(rows -> {
            List<List<Object>> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(Arrays.asList(kind.name(), Timestamps.format(r.getOffsetDateTime("requested_at")), r.getLong("id"),
                        r.getLong("tree_size"), null, null, null, null, null, r.getString("status"),
                        Timestamps.format(r.getOffsetDateTime("finished_at")), r.getLong("done"), r.getLong("problems"),
                        kind == Kind.RUN ? r.getString("engine_version") : null));
            }
            return out;
        });
    }

    private Uni<List<List<Object>>> engineRows(Pin pin, Scope scope) {
        return pool.preparedQuery(ENGINES).execute(Tuple.of(scope.from(), scope.to(), pin.at(), pin.treeSize())).map(rows -> {
            List<List<Object>> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(Arrays.asList(Kind.ENGINE.name(), Timestamps.format(r.getOffsetDateTime("first")), null, null, null, null,
                        null, null, null, null, null, r.getLong("n"), null, r.getString("engine_version")));
            }
            return out;
        });
    }
}
