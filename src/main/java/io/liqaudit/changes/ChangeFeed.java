package io.liqaudit.changes;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one writer of the change feed ({@code change_batch}), called by ingest and by
 * re-verification runs as the last step of their transactions. The advisory lock taken first is
 * held until commit, so positions are handed out in commit order, without gaps.
 */
public final class ChangeFeed {

    /** Any constant: the feed's lock, distinct from the application's other advisory locks. */
    private static final long LOCK = 0x6c69716175646974L; // "liqaudit"

    private static final String APPEND = """
            insert into change_batch (position, kind, at, first_sequence, last_sequence, run_id, sequences)
            select coalesce(max(position), 0) + 1, $1, $2, $3, $4, $5, $6 from change_batch""";

    private ChangeFeed() {
    }

    /** Events first..last were recorded in this transaction. */
    public static Uni<Void> recorded(SqlClient tx, long first, long last, OffsetDateTime at) {
        return append(tx, Tuple.tuple().addValue("RECORDED").addValue(at).addValue(first).addValue(last).addValue(null)
                .addValue(null));
    }

    /** A run changed these events' current standing in this transaction (nothing when none). */
    public static Uni<Void> revised(SqlClient tx, long runId, List<Long> sequences, OffsetDateTime at) {
        if (sequences.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return append(tx, Tuple.tuple().addValue("REVISED").addValue(at).addValue(null).addValue(null).addValue(runId)
                .addValue(sequences.toArray(Long[]::new)));
    }

    private static Uni<Void> append(SqlClient tx, Tuple row) {
        // Two statements: the insert's snapshot must be taken after the lock is ours, so that it
        // sees the batch committed by whoever held the lock before.
        return tx.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK))
                .chain(() -> tx.preparedQuery(APPEND).execute(row)).replaceWithVoid();
    }
}
