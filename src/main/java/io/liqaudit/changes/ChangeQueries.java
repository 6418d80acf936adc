package io.liqaudit.changes;

import io.liqaudit.platform.ReadPool;
import io.liqaudit.platform.Timestamps;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the change feed a page at a time: its batches unfolded into one item per event. */
@ApplicationScoped
public class ChangeQueries {

    /** Where a reader is: the batch's position and how many of its events it has had. */
    public record Position(long batch, long offset) {
    }

    /** One change: an event recorded, or revised by a run; with the event as it stands now. */
    public record Change(long position, long offset, ChangeKind kind, String at, Long runId, long sequence, String venue,
            String eventId, String recordedAt, String verdict) {
    }

    public enum ChangeKind { RECORDED, REVISED }

    /** A page and where the next one starts (also when this one is empty: poll again from there). */
    public record Page(List<Change> items, Position next) {
    }

    private record Batch(long position, ChangeKind kind, OffsetDateTime at, Long first, Long last, Long runId, Long[] sequences) {
        long size() {
            return kind == ChangeKind.RECORDED ? last - first + 1 : sequences.length;
        }

        long sequence(long i) {
            return kind == ChangeKind.RECORDED ? first + i : sequences[(int) i];
        }
    }

    private final Pool pool;

    ChangeQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    /** Where a reader that wants only what comes next starts. */
    public Uni<Position> end() {
        return pool.query("select coalesce(max(position), 0) + 1 from change_batch").execute()
                .map(rows -> new Position(rows.iterator().next().getLong(0), 0));
    }

    public Uni<Page> page(Position after, int limit) {
        return pool.preparedQuery("select * from change_batch where position >= $1 order by position limit $2")
                .execute(Tuple.of(after.batch(), limit)).chain(rows -> {
                    List<Batch> batches = new ArrayList<>();
                    for (Row r : rows) {
                        batches.add(new Batch(r.getLong("position"), ChangeKind.valueOf(r.getString("kind")),
                                r.getOffsetDateTime("at"), r.getLong("first_sequence"), r.getLong("last_sequence"),
                                r.getLong("run_id"), r.getArrayOfLongs("sequences")));
                    }
                    List<long[]> picked = new ArrayList<>(); // (batch index, offset)
                    Position next = after;
                    for (int b = 0; b < batches.size() && picked.size() < limit; b++) {
                        Batch batch = batches.get(b);
                        long start = batch.position() == after.batch() ? after.offset() : 0;
                        long i = start;
                        for (; i < batch.size() && picked.size() < limit; i++) {
                            picked.add(new long[] {b, i});
                        }
                        next = i < batch.size() ? new Position(batch.position(), i) : new Position(batch.position() + 1, 0);
                    }
                    Position following = next;
                    Long[] sequences = picked.stream().map(p -> batches.get((int) p[0]).sequence(p[1])).toArray(Long[]::new);
                    return events(sequences).map(events -> {
                        List<Change> items = new ArrayList<>();
                        for (long[] p : picked) {
                            Batch batch = batches.get((int) p[0]);
                            long sequence = batch.sequence(p[1]);
                            Row e = events.get(sequence);
                            items.add(new Change(batch.position(), p[1], batch.kind(), Timestamps.format(batch.at()), batch.runId(),
                                    sequence, e.getString("venue"), e.getString("event_id"),
                                    Timestamps.format(e.getOffsetDateTime("recorded_at")), e.getString("verdict")));
                        }
                        return new Page(items, following);
                    });
                });
    }

    private Uni<Map<Long, Row>> events(Long[] sequences) {
        if (sequences.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select e.sequence, e.venue, e.event_id, e.recorded_at, e.verdict from current_event e "
                        + "where e.sequence = any($1)")
                .execute(Tuple.of((Object) sequences)).map(rows -> {
                    Map<Long, Row> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getLong("sequence"), r));
                    return out;
                });
    }
}
