package io.liqaudit.verification;

import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What a re-verification run found, event by event: those it could not process and those its
 * recomputation did not find CONSISTENT, in log order, a page at a time.
 */
@ApplicationScoped
public class RunQueries {

    /** An event a run names: where it is, what the run's recomputation said of it, or why it could not. */
    public record Named(long sequence, String venue, String eventId, String verdict, String reason) {
    }

    private final Pool pool;

    RunQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} events of the run after {@code afterSequence} (null: from the first). */
    public Uni<List<Named>> named(long runId, Long afterSequence, int limit) {
        return pool.preparedQuery("""
                        select * from (
                            select r.event_sequence as sequence, e.venue, e.event_id, r.verdict, null as reason
                            from recomputation r join liquidation_event e on e.sequence = r.event_sequence
                            where r.run_id = $1 and r.verdict <> 'CONSISTENT' and r.event_sequence > $2
                            union all
                            select f.event_sequence, e.venue, e.event_id, null, f.reason
                            from verification_failure f join liquidation_event e on e.sequence = f.event_sequence
                            where f.run_id = $1 and f.event_sequence > $2
                        ) named order by sequence limit $3""")
                .execute(Tuple.of(runId, afterSequence == null ? -1L : afterSequence, limit)).map(rows -> {
                    List<Named> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Named(r.getLong("sequence"), r.getString("venue"), r.getString("event_id"),
                                r.getString("verdict"), r.getString("reason")));
                    }
                    return out;
                });
    }
}
