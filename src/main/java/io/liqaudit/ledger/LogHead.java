package io.liqaudit.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one owner of {@code ledger_head}: the log's size, which is the next event's sequence.
 * Writers lock it once per batch (so sequences are gap-free across writers and instances) and
 * advance it in the same transaction; readers ask its size.
 */
@ApplicationScoped
public class LogHead {

    /** The log's size, read without a lock (a snapshot). */
    public Uni<Long> size(SqlClient client) {
        return client.query("select next_sequence from ledger_head where id = 1").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Locks the head for this transaction and answers the next sequence; held until commit. */
    public Uni<Long> lock(SqlConnection conn) {
        return conn.query("select next_sequence from ledger_head where id = 1 for update").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Moves the head to {@code next} (under the lock taken by {@link #lock}). */
    public Uni<Void> advance(SqlConnection conn, long next) {
        return conn.preparedQuery("update ledger_head set next_sequence = $1 where id = 1").execute(Tuple.of(next))
                .replaceWithVoid();
    }
}
