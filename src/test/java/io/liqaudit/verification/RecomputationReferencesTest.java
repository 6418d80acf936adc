package io.liqaudit.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The references that per-row foreign keys held are checked once per statement (V24): a
 * recomputation of no recorded event, of no run, a standing pointing at another event's
 * recomputation, and removing a run are all refused by the database itself, as before. Every
 * statement here fails, so nothing is kept.
 */
@QuarkusTest
class RecomputationReferencesTest {

    private static final String INSERT = "insert into recomputation (event_sequence, engine_version, computed_at, run_id, "
            + "verdict, finding_codes, output) values ($1, 'x', now(), $2, 'CONSISTENT', '{}', '{}')";

    @Inject
    Pool pool;

    private Throwable refusal(String sql, Tuple params) {
        return pool.withTransaction(c -> c.preparedQuery(sql).execute(params))
                .onItem().<Throwable>transform(r -> null).onFailure().recoverWithItem(e -> e).await().indefinitely();
    }

    private long one(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void referencesAreCheckedPerStatement() {
        long event = one("select min(sequence) from liquidation_event");
        long other = one("select max(sequence) from liquidation_event");
        assertThat(other).isGreaterThan(event); // the suite has recorded events by now

        assertThat(refusal(INSERT, Tuple.of(Long.MAX_VALUE, null))).hasMessageContaining("of a recorded event");
        // One bad row among good ones spoils the statement.
        assertThat(refusal("insert into recomputation (event_sequence, engine_version, computed_at, verdict, finding_codes, "
                + "output) select s, 'x', now(), 'CONSISTENT', '{}', '{}' from unnest($1::bigint[]) s",
                Tuple.of(new Long[] {event, other, Long.MAX_VALUE}))).hasMessageContaining("of a recorded event");
        assertThat(refusal(INSERT, Tuple.of(event, Long.MAX_VALUE))).hasMessageContaining("run must exist");

        long othersRecomputation = one("select recomputation_id from event_status where event_sequence = " + other);
        assertThat(refusal("update event_status set recomputation_id = $2 where event_sequence = $1",
                Tuple.of(event, othersRecomputation))).hasMessageContaining("recomputation of that event");
        assertThat(refusal("insert into event_status (event_sequence, recomputation_id, engine_verdict, verdict, finding_codes) "
                + "values ($1, $2, 'CONSISTENT', 'CONSISTENT', '{}')", Tuple.of(Long.MAX_VALUE, othersRecomputation)))
                .hasMessageContaining("of a recorded event");

        // A run once made is never removed (its recomputations refer to it); the block's failure undoes it all.
        assertThat(refusal("do $$ declare made bigint; begin "
                + "insert into verification_run (requested_by, engine_version, filter, status, up_to_sequence, total) "
                + "values ('t', 'x', '{}', 'DONE', 0, 0) returning id into made; "
                + "delete from verification_run where id = made; end $$", Tuple.tuple())).hasMessageContaining("runs are kept");
        assertThat(refusal("truncate verification_run cascade", Tuple.tuple())).isNotNull();
        assertThat(refusal("truncate recomputation cascade", Tuple.tuple())).isNotNull();
    }
}
