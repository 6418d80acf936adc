package io.liqaudit.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The append-only security log (table {@code security_log}; the database refuses updates and
 * deletes). Records admin actions and failed sign-ins: who, what, when, from where. Callers
 * never pass a password here.
 */
@ApplicationScoped
public class SecurityLog {

    /** What happened, as stored in {@code security_log.action}. */
    public enum Action {
        SIGN_IN_FAILED, SIGN_IN_LOCKED, USER_CREATED, USER_BOOTSTRAPPED, ROLES_SET, USER_DISABLED, USER_ENABLED,
        PASSWORD_ROTATED, SIGNED_IN, SIGNED_OUT, API_KEY_CREATED, API_KEY_REVOKED, API_KEY_ROTATED, API_KEY_REFUSED
    }

    private final Pool pool;

    SecurityLog(Pool pool) {
        this.pool = pool;
    }

    /** One entry of the log, as admins read it. */
    public record LogEntry(long id, java.time.OffsetDateTime occurredAt, String actor, String action, String subject,
            String remoteAddress, String detail) {
    }

    /** The newest {@code limit} entries, newest first. */
    public Uni<java.util.List<LogEntry>> recent(int limit) {
        return pool.preparedQuery("select id, occurred_at, actor, action, subject, remote_address, detail "
                        + "from security_log order by id desc limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> new LogEntry(r.getLong("id"), r.getOffsetDateTime("occurred_at"), r.getString("actor"),
                                r.getString("action"), r.getString("subject"), r.getString("remote_address"),
                                r.getString("detail")))
                        .toList());
    }

    public Uni<Void> append(String actor, Action action, String subject, String remoteAddress, String detail) {
        return pool.preparedQuery("insert into security_log (actor, action, subject, remote_address, detail) "
                        + "values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(actor, action.name(), subject, remoteAddress, detail))
                .replaceWithVoid();
    }
}
