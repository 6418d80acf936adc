package io.liqaudit.fund;

import io.liqaudit.platform.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The known insurance funds, and the one writer of {@code insurance_fund}. A fund is registered by
 * an admin with its currency, or by the first liquidation that names it (inside the recording
 * transaction, so an event never names a fund that does not exist); an admin may state a fund's
 * currency once, never change it. Movements are accepted only for funds that exist.
 */
@ApplicationScoped
public class FundRegistry {

    /** A registered fund; {@code currency} null while not stated. */
    public record Fund(String fundId, String currency, String registeredAt, String registeredBy, Long firstSequence) {
    }

    /** What registering asked for did: created, stated the currency of a fund that had none, nothing, or a refusal. */
    public enum Registration {
        CREATED, CURRENCY_STATED, UNCHANGED, OTHER_CURRENCY
    }

    public record Registered(Registration outcome, Fund fund) {
    }

    private static final String NAMED = """
            insert into insurance_fund (fund_id, currency, registered_at, registered_by, first_sequence)
            select distinct on (t.fund) t.fund, null, $3, t.by, t.seq
            from unnest($1::text[], $2::bigint[], $4::text[]) as t(fund, seq, by)
            order by t.fund, t.seq
            on conflict (fund_id) do nothing""";

    private final Pool pool;

    FundRegistry(Pool pool) {
        this.pool = pool;
    }

    /**
     * Registers the funds that recorded liquidations name, where they are new (called inside the
     * recording transaction, with each event's fund, sequence and who recorded it).
     */
    public static Uni<Void> namedBy(SqlClient conn, List<String> funds, List<Long> sequences, List<String> recordedBy,
            OffsetDateTime at) {
        if (funds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(NAMED).execute(Tuple.of(funds.toArray(String[]::new), sequences.toArray(Long[]::new), at,
                recordedBy.toArray(String[]::new))).replaceWithVoid();
    }

    public Uni<Optional<Fund>> find(SqlClient client, String fundId) {
        return client.preparedQuery("select * from insurance_fund where fund_id = $1").execute(Tuple.of(fundId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(fund(rows.iterator().next())) : Optional.empty());
    }

    public Uni<Optional<Fund>> find(String fundId) {
        return find(pool, fundId);
    }

    /** An admin registers a fund with its currency, or states the currency of one registered without. */
    public Uni<Registered> register(String fundId, String currency, String by) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        insert into insurance_fund (fund_id, currency, registered_at, registered_by, first_sequence)
                        values ($1, $2, $3, $4, null) on conflict (fund_id) do nothing returning *""")
                .execute(Tuple.of(fundId, currency, Timestamps.nowMicros(), by))
                .chain(rows -> {
                    if (rows.iterator().hasNext()) {
                        return Uni.createFrom().item(new Registered(Registration.CREATED, fund(rows.iterator().next())));
                    }
                    // Stated once: a fund's amounts must never change currency under a reader.
                    return conn.preparedQuery("update insurance_fund set currency = $2 where fund_id = $1 and currency is null "
                                    + "returning *").execute(Tuple.of(fundId, currency))
                            .chain(updated -> updated.iterator().hasNext()
                                    ? Uni.createFrom().item(new Registered(Registration.CURRENCY_STATED, fund(updated.iterator().next())))
                                    : find(conn, fundId).map(f -> new Registered(currency.equals(f.orElseThrow().currency())
                                            ? Registration.UNCHANGED : Registration.OTHER_CURRENCY, f.get())));
                }));
    }

    private static Fund fund(Row r) {
        return new Fund(r.getString("fund_id"), r.getString("currency"), Timestamps.format(r.getOffsetDateTime("registered_at")),
                r.getString("registered_by"), r.getLong("first_sequence"));
    }
}
