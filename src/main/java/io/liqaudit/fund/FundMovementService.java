package io.liqaudit.fund;

import io.liqaudit.engine.DecimalText;
import io.liqaudit.fund.FundChainRepository;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.json.CanonicalJson;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.recording.RecordStatus;
import io.liqaudit.standing.EventStanding;
import io.liqaudit.recording.RefusedSubmissions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Records fund movements, idempotent like events: the same (fund, movementId) with the same
 * content is a no-op, with other content a refused conflict. Each new movement re-derives the
 * fund chain's discontinuities from its time on.
 */
@ApplicationScoped
public class FundMovementService {

    /** {@code CREATED}, {@code DUPLICATE} or {@code CONFLICT}, and the stored movement's row id. */
    public record Outcome(RecordStatus status, long id) {
    }

    private static final String INSERT = """
            insert into fund_movement (fund_id, movement_id, kind, amount, signed_amount, occurred_at, reference,
                                       recorded_at, recorded_by, content_digest)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, decode($10, 'hex'))
            on conflict (fund_id, movement_id) do nothing
            returning id""";

    private final Pool pool;
    private final FundChainRepository chain;

    private final EventStanding standing;

    FundMovementService(Pool pool, FundChainRepository chain, EventStanding standing) {
        this.standing = standing;
        this.pool = pool;
        this.chain = chain;
    }

    public Uni<Outcome> record(String fundId, FundMovement m, String by) {
        OffsetDateTime occurred = m.occurredAt().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String digest = digest(fundId, m, occurred);
        return pool.withTransaction(conn -> conn.preparedQuery(INSERT)
                .execute(Tuple.tuple().addValue(fundId).addValue(m.movementId()).addValue(m.kind().name())
                        .addValue(m.amount()).addValue(m.kind().signed(m.amount()))
                        .addValue(occurred).addValue(m.reference()).addValue(Timestamps.nowMicros()).addValue(by)
                        .addValue(digest))
                .chain(rows -> {
                    if (rows.iterator().hasNext()) {
                        long id = rows.iterator().next().getLong("id");
                        return chain.reevaluate(conn, List.of(), List.of(id))
                                .chain(changes -> standing.chainRewalked(conn, changes))
                                .map(v -> new Outcome(RecordStatus.CREATED, id));
                    }
                    return conn.preparedQuery("select id, encode(content_digest, 'hex') d from fund_movement "
                                    + "where fund_id = $1 and movement_id = $2")
                            .execute(Tuple.of(fundId, m.movementId()))
                            .chain(existing -> {
                                Row row = existing.iterator().next();
                                if (row.getString("d").equals(digest)) {
                                    return Uni.createFrom().item(new Outcome(RecordStatus.DUPLICATE, row.getLong("id")));
                                }
                                return RefusedSubmissions.log(conn, RefusedSubmissions.Kind.FUND_MOVEMENT,
                                                List.of(new RefusedSubmissions.Refusal(by, fundId + "/" + m.movementId(), digest,
                                                        row.getString("d"))))
                                        .map(v -> new Outcome(RecordStatus.CONFLICT, row.getLong("id")));
                            });
                }));
    }

    /** The digest of a movement's meaning: the same values in any JSON form give the same digest. */
    private static String digest(String fundId, FundMovement m, OffsetDateTime occurred) {
        var node = ExactDecimalJson.newMapper().createObjectNode()
                .put("fundId", fundId).put("movementId", m.movementId()).put("kind", m.kind().name())
                .put("amount", DecimalText.of(m.amount())).put("occurredAt", Timestamps.format(occurred))
                .put("reference", m.reference());
        return HexFormat.of().formatHex(CanonicalJson.sha256(CanonicalJson.text(node)));
    }
}
