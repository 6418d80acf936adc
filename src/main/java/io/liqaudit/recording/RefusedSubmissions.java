package io.liqaudit.recording;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;

/**
 * The one writer of {@code refused_submission}: every conflicting submission (an identity recorded
 * with other content), of an event or a movement, is logged here, in the transaction that refused it.
 */
public final class RefusedSubmissions {

    /** What was refused: who sent it, its identity and digest, and the digest of what is stored. */
    public record Refusal(String submittedBy, String identity, String digestHex, String storedDigestHex) {
    }

    /** The kinds of record, as stored in {@code refused_submission.kind}. */
    public enum Kind { LIQUIDATION_EVENT, FUND_MOVEMENT }

    private static final String INSERT = """
            insert into refused_submission (submitted_by, kind, identity, content_digest, stored_digest)
            select t.submitted_by, $1, t.identity, decode(t.digest, 'hex'), decode(t.stored, 'hex')
            from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as t(submitted_by, identity, digest, stored)
            """;

    private RefusedSubmissions() {
    }

    public static Uni<Void> log(SqlConnection conn, Kind kind, List<Refusal> refused) {
        if (refused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(INSERT).execute(Tuple.of(kind.name().toLowerCase(java.util.Locale.ROOT),
                        refused.stream().map(Refusal::submittedBy).toArray(String[]::new),
                        refused.stream().map(Refusal::identity).toArray(String[]::new),
                        refused.stream().map(Refusal::digestHex).toArray(String[]::new),
                        refused.stream().map(Refusal::storedDigestHex).toArray(String[]::new)))
                .replaceWithVoid();
    }
}
