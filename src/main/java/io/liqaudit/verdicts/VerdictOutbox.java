package io.liqaudit.verdicts;

import io.liqaudit.platform.LiqauditConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The transactional outbox of the verdict stream ({@code verdict_outbox}, migration V26), both its
 * ends: the recording transaction appends a batch's messages; the relay takes the oldest batches
 * under a lock only one instance holds at a time, and removes them once the broker has them. Only
 * written while streaming is on: with it off there is no relay to drain it.
 */
@ApplicationScoped
public class VerdictOutbox {

    /** Any constant: the relay's lock, distinct from the application's other advisory locks. */
    private static final long RELAY_LOCK = 0x7665726469637473L; // "verdicts"

    /** A batch's messages, in sequence order, as they wait in the outbox. */
    public record Batch(long firstSequence, long lastSequence, List<String> messages) {
        public Batch {
            messages = List.copyOf(messages);
        }
    }

    private final boolean enabled;

    VerdictOutbox(LiqauditConfig config) {
        this.enabled = config.kafka().enabled();
    }

    /** Appends one recorded batch's messages (contiguous sequences, in order) in the caller's transaction. */
    public Uni<Void> append(SqlClient tx, List<VerdictMessage> messages) {
        if (!enabled || messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String lines = messages.stream().map(VerdictMessage::json).collect(Collectors.joining("\n"));
        return tx.preparedQuery("insert into verdict_outbox (first_sequence, last_sequence, messages) values ($1, $2, $3)")
                .execute(Tuple.of(messages.get(0).sequence(), messages.get(messages.size() - 1).sequence(), lines))
                .replaceWithVoid();
    }

    /**
     * The oldest batches, at most {@code limit}, in the caller's transaction; empty when another
     * instance's relay holds the lock (it is relaying them). The lock lasts until the transaction ends.
     */
    public Uni<List<Batch>> take(SqlClient tx, int limit) {
        return tx.preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK)).chain(locked -> {
            if (!locked.iterator().next().getBoolean(0)) {
                return Uni.createFrom().item(List.<Batch>of());
            }
            return tx.preparedQuery("select first_sequence, last_sequence, messages from verdict_outbox "
                    + "order by first_sequence limit $1").execute(Tuple.of(limit)).map(rows -> {
                        List<Batch> out = new ArrayList<>();
                        for (Row r : rows) {
                            out.add(new Batch(r.getLong(0), r.getLong(1), Arrays.asList(r.getString(2).split("\n"))));
                        }
                        return out;
                    });
        });
    }

    /** Removes batches the broker has acknowledged, in the transaction that took them. */
    public Uni<Void> relayed(SqlClient tx, List<Batch> batches) {
        if (batches.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("delete from verdict_outbox where first_sequence = any($1)")
                .execute(Tuple.of(batches.stream().map(Batch::firstSequence).toArray(Long[]::new))).replaceWithVoid();
    }

    /** How many messages wait in the outbox (for the metrics). */
    public Uni<Long> waiting(SqlClient client) {
        return client.query("select coalesce(sum(last_sequence - first_sequence + 1), 0) from verdict_outbox").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
