package io.liqaudit.security;

import io.liqaudit.platform.LiqauditConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * At start: creates or updates the users of {@code liqaudit.bootstrap-users}, and in
 * production refuses to start when no user exists at all (nobody could ever sign in).
 */
@ApplicationScoped
public class UserBootstrap {

    private static final Logger LOG = Logger.getLogger(UserBootstrap.class);
    static final String NO_USER_MESSAGE = "No user can sign in: the user table is empty. Start once with "
            + "LIQAUDIT_BOOTSTRAP_USERS=name:password:admin (a password of at least " + Passwords.MIN_LENGTH
            + " characters; roles joined with '+'), then manage users through /api/v1/admin/users.";

    private final LiqauditConfig config;
    private final UserStore users;
    private final SecurityLog log;
    private final VerifiedCredentials verified;

    UserBootstrap(LiqauditConfig config, UserStore users, SecurityLog log, VerifiedCredentials verified) {
        this.config = config;
        this.users = users;
        this.log = log;
        this.verified = verified;
    }

    void onStart(@Observes StartupEvent event) {
        Duration timeout = Duration.ofSeconds(30);
        config.bootstrapUsers().map(BootstrapUsers::parse).orElse(java.util.List.of()).forEach(entry -> {
            String hash = Passwords.hash(entry.password());
            // Hibernate Reactive needs a Vert.x context: the start-up thread has none of its own.
            awaitOnContext(() -> users.upsert(entry.username(), hash, entry.roles())
                    .chain(() -> log.append("bootstrap", SecurityLog.Action.USER_BOOTSTRAPPED, entry.username(), null,
                            "roles " + UserStore.sorted(entry.roles()))), timeout);
            LOG.infof("bootstrap user %s with roles %s", entry.username(), UserStore.sorted(entry.roles()));
        });
        verified.clear();
        if (LaunchMode.current() == LaunchMode.NORMAL && awaitOnContext(users::count, timeout) == 0) {
            throw new IllegalStateException(NO_USER_MESSAGE);
        }
    }

    private static <T> T awaitOnContext(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work, Duration timeout) {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(timeout).fail());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot bootstrap users: " + e.getMessage(), e);
        }
    }
}
