package io.liqaudit.security;

import io.liqaudit.platform.LiqauditConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Server-side portal sessions (table {@code portal_session}). The cookie carries a random token;
 * the row says whose it is and whether it still holds: a session ends at sign-out, when its
 * user is disabled or their password changes, after {@code session-idle-timeout} without a
 * request, and at {@code session-lifetime} after sign-in, whatever happens.
 */
@ApplicationScoped
public class PortalSessions {

    public static final String COOKIE = "liqaudit-session";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a session ended, as stored in {@code portal_session.end_reason}. */
    public enum EndReason { SIGNED_OUT, USER_DISABLED, PASSWORD_CHANGED, IDLE, EXPIRED }

    private final Pool pool;
    private final LiqauditConfig.Security config;

    private final UserStore users;

    PortalSessions(Pool pool, LiqauditConfig config, UserStore users) {
        this.pool = pool;
        this.users = users;
        this.config = config.security();
    }

    /** Opens a session for a user who just signed in; answers the cookie's token. */
    public Uni<String> open(String username, String remoteAddress) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return pool.preparedQuery("insert into portal_session (token_hash, username, expires_at, remote_address) "
                        + "values ($1, $2, now() + $3::bigint * interval '1 second', $4)")
                .execute(Tuple.of(hash(token), username, config.sessionLifetime().toSeconds(), remoteAddress))
                .map(rows -> token);
    }

    /**
     * The enabled user behind a token, with their roles as they are now, when the session holds;
     * the request counts as activity.
     */
    public Uni<Optional<UserAccount>> resume(String token) {
        return pool.preparedQuery("""
                        update portal_session set last_seen_at = now()
                        where token_hash = $1 and ended_at is null and expires_at > now()
                          and last_seen_at > now() - $2::bigint * interval '1 second'
                        returning username""")
                .execute(Tuple.of(hash(token), config.sessionIdleTimeout().toSeconds()))
                .chain(rows -> rows.iterator().hasNext() ? users.find(rows.iterator().next().getString("username"))
                        : Uni.createFrom().item(Optional.<UserAccount>empty()))
                // Roles as they are now; the password hash stays where it is.
                .map(user -> user.filter(UserAccount::enabled)
                        .map(u -> new UserAccount(u.username(), null, u.roles(), true)));
    }

    public Uni<Void> end(String token, EndReason reason) {
        return pool.preparedQuery("update portal_session set ended_at = now(), end_reason = $2 "
                        + "where token_hash = $1 and ended_at is null")
                .execute(Tuple.of(hash(token), reason.name())).replaceWithVoid();
    }

    /** Ends every open session of a user (disabled, or a new password). */
    public Uni<Void> endAll(String username, EndReason reason) {
        return pool.preparedQuery("update portal_session set ended_at = now(), end_reason = $2 "
                        + "where username = $1 and ended_at is null")
                .execute(Tuple.of(username, reason.name())).replaceWithVoid();
    }

    private static Buffer hash(String token) {
        return Buffer.buffer(ApiKeys.sha256(token));
    }
}
